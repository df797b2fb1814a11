// Saved views on /metadata, as Twenty 2.21 answers them (views-dashboards/q1-*). Every caller
// reads; the read-only key gets `getViews` without the UNLISTED views of others, yet `getView(id)`
// answers those. Writes are refused to the read-only key with the captured texts (FORBIDDEN).
// Errors for unknown ids are not captured; they are answered NOT_FOUND here.
import { TwentyError } from '@/sandbox/graphql/errors';
import type { Principal } from '@/sandbox/http/auth';
import {
  createViewFilterGroupSchema,
  createViewFilterSchema,
  createViewSchema,
  createViewSortSchema,
  given,
  parseInput,
  updateViewFilterSchema,
  updateViewSchema,
} from '@/sandbox/views/inputs';
import { partNode, viewFieldNode, viewNode } from '@/sandbox/views/nodes';
import { newFilter, newView, USER_WORKSPACE_ID } from '@/sandbox/views/seed';
import type { ViewStore } from '@/sandbox/views/store';
import type { ViewFilterGroupRecord, ViewFilterRecord, ViewGroupRecord, ViewRecord, ViewSortRecord, ViewType } from '@/sandbox/views/types';

export type ViewContext = { views: ViewStore; principal: Principal | null };
type Args = Record<string, unknown>;
type Part = ViewFilterRecord | ViewFilterGroupRecord | ViewSortRecord | ViewGroupRecord;
type Resolver = (source: unknown, args: Args, ctx: ViewContext) => unknown;

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const now = () => new Date().toISOString();
const userWorkspaceOf = (principal: Principal | null) => (principal?.kind === 'user' ? USER_WORKSPACE_ID : null);

const forbidden = (what: 'create workspace-level views' | 'modify this view') =>
  new TwentyError(`You do not have permission to ${what}`, 'FORBIDDEN', { userFriendlyMessage: `You don't have permission to ${what}.` });

function assertCanWrite(ctx: ViewContext, what: 'create workspace-level views' | 'modify this view'): void {
  if (ctx.principal?.readOnly) throw forbidden(what);
}

function liveView(ctx: ViewContext, id: unknown): ViewRecord {
  const view = ctx.views.live(String(id));
  if (!view) throw new TwentyError('View not found', 'NOT_FOUND');
  return view;
}

/** A view's part by id, for the one-by-id reads; null when unknown or deleted. */
function one<T extends Part>(ctx: ViewContext, map: ReadonlyMap<string, T>, id: unknown) {
  const part = map.get(String(id));
  return part && part.deletedAt === null ? partNode(ctx.views, part) : null;
}

export const viewQueryResolvers: Record<string, Resolver> = {
  getViews: (_, args, ctx) => {
    const types = Array.isArray(args.viewTypes) ? (args.viewTypes as ViewType[]) : null;
    return ctx.views.listed({ userWorkspaceId: userWorkspaceOf(ctx.principal) }, str(args.objectMetadataId), types).map((v) => viewNode(ctx.views, v));
  },
  getView: (_, args, ctx) => {
    const view = ctx.views.live(String(args.id));
    return view ? viewNode(ctx.views, view) : null;
  },
  getViewFilters: (_, args, ctx) => ctx.views.childrenOf(ctx.views.filters, str(args.viewId)).map((p) => partNode(ctx.views, p)),
  getViewFilter: (_, args, ctx) => one(ctx, ctx.views.filters, args.id),
  getViewFilterGroups: (_, args, ctx) => ctx.views.childrenOf(ctx.views.filterGroups, str(args.viewId)).map((p) => partNode(ctx.views, p)),
  getViewFilterGroup: (_, args, ctx) => one(ctx, ctx.views.filterGroups, args.id),
  getViewSorts: (_, args, ctx) => ctx.views.childrenOf(ctx.views.sorts, str(args.viewId)).map((p) => partNode(ctx.views, p)),
  getViewSort: (_, args, ctx) => one(ctx, ctx.views.sorts, args.id),
  getViewGroups: (_, args, ctx) => ctx.views.childrenOf(ctx.views.groups, str(args.viewId)).map((p) => partNode(ctx.views, p)),
  getViewGroup: (_, args, ctx) => one(ctx, ctx.views.groups, args.id),
  getViewFields: (_, args, ctx) => ctx.views.childrenOf(ctx.views.fields, str(args.viewId)).map((f) => viewFieldNode(ctx.views, f)),
};

export const viewMutationResolvers: Record<string, Resolver> = {
  createView: (_, args, ctx) => {
    assertCanWrite(ctx, 'create workspace-level views');
    const input = parseInput(createViewSchema, args.input);
    const at = now();
    const { name, objectMetadataId, icon } = input;
    const view = newView(ctx.views, { type: 'TABLE', position: 0, ...given(input), name, objectMetadataId, icon, createdByUserWorkspaceId: userWorkspaceOf(ctx.principal) }, at);
    return viewNode(ctx.views, ctx.views.put(ctx.views.views, view));
  },
  updateView: (_, args, ctx) => {
    const view = liveView(ctx, args.id);
    assertCanWrite(ctx, 'modify this view');
    Object.assign(view, given(parseInput(updateViewSchema, args.input)), { id: view.id, updatedAt: now() });
    return viewNode(ctx.views, view);
  },
  deleteView: (_, args, ctx) => {
    liveView(ctx, args.id);
    assertCanWrite(ctx, 'modify this view');
    return ctx.views.deleteView(String(args.id), now());
  },
  destroyView: (_, args, ctx) => {
    if (!ctx.views.views.has(String(args.id))) throw new TwentyError('View not found', 'NOT_FOUND');
    assertCanWrite(ctx, 'modify this view');
    return ctx.views.destroyView(String(args.id));
  },
  createViewFilter: (_, args, ctx) => {
    const input = parseInput(createViewFilterSchema, args.input);
    liveView(ctx, input.viewId);
    assertCanWrite(ctx, 'modify this view');
    const filter = newFilter(ctx.views, { ...given(input), viewId: input.viewId, fieldMetadataId: input.fieldMetadataId, value: input.value }, now());
    return partNode(ctx.views, ctx.views.put(ctx.views.filters, filter));
  },
  updateViewFilter: (_, args, ctx) => {
    const { id, update } = parseInput(updateViewFilterSchema, args.input);
    const filter = ctx.views.filters.get(id);
    if (!filter || filter.deletedAt !== null) throw new TwentyError('View filter not found', 'NOT_FOUND');
    assertCanWrite(ctx, 'modify this view');
    Object.assign(filter, given(update), update.value !== undefined ? { value: update.value } : {}, { updatedAt: now() });
    return partNode(ctx.views, filter);
  },
  deleteViewFilter: (_, args, ctx) => {
    const filter = ctx.views.filters.get(String((args.input as Args | undefined)?.id));
    if (!filter || filter.deletedAt !== null) throw new TwentyError('View filter not found', 'NOT_FOUND');
    assertCanWrite(ctx, 'modify this view');
    filter.deletedAt = now();
    return partNode(ctx.views, filter);
  },
  createViewFilterGroup: (_, args, ctx) => {
    const input = parseInput(createViewFilterGroupSchema, args.input);
    liveView(ctx, input.viewId);
    assertCanWrite(ctx, 'modify this view');
    const at = now();
    const group = {
      id: ctx.views.id(input.id), viewId: input.viewId, parentViewFilterGroupId: input.parentViewFilterGroupId ?? null,
      logicalOperator: input.logicalOperator ?? 'AND', positionInViewFilterGroup: input.positionInViewFilterGroup ?? null, createdAt: at, updatedAt: at, deletedAt: null,
    };
    return partNode(ctx.views, ctx.views.put(ctx.views.filterGroups, group));
  },
  deleteViewFilterGroup: (_, args, ctx) => {
    const group = ctx.views.filterGroups.get(String(args.id));
    if (!group || group.deletedAt !== null) throw new TwentyError('View filter group not found', 'NOT_FOUND');
    assertCanWrite(ctx, 'modify this view');
    group.deletedAt = now();
    return true;
  },
  createViewSort: (_, args, ctx) => {
    const input = parseInput(createViewSortSchema, args.input);
    liveView(ctx, input.viewId);
    assertCanWrite(ctx, 'modify this view');
    const at = now();
    const sort = { id: ctx.views.id(input.id), viewId: input.viewId, fieldMetadataId: input.fieldMetadataId, direction: input.direction ?? 'ASC', subFieldName: input.subFieldName ?? null, createdAt: at, updatedAt: at, deletedAt: null };
    return partNode(ctx.views, ctx.views.put(ctx.views.sorts, sort));
  },
};
