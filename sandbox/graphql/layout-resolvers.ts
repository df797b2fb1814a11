// Page layouts on /metadata, as Twenty 2.21 answers them (views-dashboards/q3-*). Every caller
// reads every layout, tab and widget with its configuration, widgets on objects it cannot read
// included (captured for the read-only key). Writes by the read-only key are refused with the
// captured answer: INTERNAL_SERVER_ERROR and the "contact your workspace administrator" user message.
// An unknown layout id (or a name) is NOT_FOUND `Page layout with ID "…" not found` (captured:
// real-2.21/charts/layout-app-getPageLayout-*); other unknown ids are not captured: null / [], creates
// NOT_FOUND. Destroying is hard; a destroyed layout's widgets stay readable by id (captured: layout-destroy-*).
import { GENERIC_USER_MESSAGE, TwentyError } from '@/sandbox/graphql/errors';
import type { Principal } from '@/sandbox/http/auth';
import { storedConfiguration } from '@/sandbox/layouts/configuration';
import { createPageLayoutSchema, createPageLayoutTabSchema, createPageLayoutWidgetSchema, parseLayoutInput } from '@/sandbox/layouts/inputs';
import { layoutNode, tabNode, widgetNode } from '@/sandbox/layouts/nodes';
import { WORKSPACE_APPLICATION_ID } from '@/sandbox/layouts/seed';
import type { LayoutStore } from '@/sandbox/layouts/store';
import { PAGE_LAYOUT_TYPES, type PageLayoutType } from '@/sandbox/layouts/types';

export type LayoutContext = { layouts: LayoutStore; principal: Principal | null };
type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: LayoutContext) => unknown;

const now = () => new Date().toISOString();
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const layoutType = (v: unknown): PageLayoutType | null => PAGE_LAYOUT_TYPES.find((t) => t === v) ?? null;

function assertCanWrite(ctx: LayoutContext): void {
  if (!ctx.principal?.readOnly) return;
  throw new TwentyError('Entity performing the request does not have permission', 'INTERNAL_SERVER_ERROR', {
    userFriendlyMessage: 'You do not have permission to access this feature. Please contact your workspace administrator for access.',
  });
}

export const layoutQueryResolvers: Record<string, Resolver> = {
  getPageLayouts: (_, args, ctx) => ctx.layouts.listed(layoutType(args.pageLayoutType), str(args.objectMetadataId)).map((l) => layoutNode(ctx.layouts, l)),
  getPageLayout: (_, args, ctx) => {
    const layout = ctx.layouts.layout(String(args.id));
    if (!layout) throw new TwentyError(`Page layout with ID "${String(args.id)}" not found`, 'NOT_FOUND', { userFriendlyMessage: GENERIC_USER_MESSAGE });
    return layoutNode(ctx.layouts, layout);
  },
  getPageLayoutTabs: (_, args, ctx) => ctx.layouts.tabsOf(String(args.pageLayoutId)).map((t) => tabNode(ctx.layouts, t)),
  getPageLayoutTab: (_, args, ctx) => {
    const tab = ctx.layouts.tab(String(args.id));
    return tab ? tabNode(ctx.layouts, tab) : null;
  },
  getPageLayoutWidgets: (_, args, ctx) => ctx.layouts.widgetsOf(String(args.pageLayoutTabId)).map(widgetNode),
  getPageLayoutWidget: (_, args, ctx) => {
    const widget = ctx.layouts.widget(String(args.id));
    return widget ? widgetNode(widget) : null;
  },
};

export const layoutMutationResolvers: Record<string, Resolver> = {
  createPageLayout: (_, args, ctx) => {
    assertCanWrite(ctx);
    const input = parseLayoutInput(createPageLayoutSchema, args.input);
    const at = now();
    const id = ctx.layouts.id();
    const layout = ctx.layouts.put(ctx.layouts.layouts, {
      id, name: input.name, type: input.type ?? 'RECORD_PAGE', objectMetadataId: input.objectMetadataId ?? null,
      defaultTabToFocusOnMobileAndSidePanelId: null, universalIdentifier: id, createdAt: at, updatedAt: at, deletedAt: null,
    });
    return layoutNode(ctx.layouts, layout, false);
  },
  createPageLayoutTab: (_, args, ctx) => {
    assertCanWrite(ctx);
    const input = parseLayoutInput(createPageLayoutTabSchema, args.input);
    if (!ctx.layouts.layout(input.pageLayoutId)) throw new TwentyError('Page layout not found', 'NOT_FOUND');
    const at = now();
    const tab = ctx.layouts.put(ctx.layouts.tabs, {
      id: ctx.layouts.id(), applicationId: WORKSPACE_APPLICATION_ID, title: input.title, position: input.position ?? 0,
      pageLayoutId: input.pageLayoutId, icon: null, layoutMode: input.layoutMode ?? 'GRID', isActive: true, isOverridden: false,
      createdAt: at, updatedAt: at, deletedAt: null,
    });
    return tabNode(ctx.layouts, tab);
  },
  createPageLayoutWidget: (_, args, ctx) => {
    assertCanWrite(ctx);
    const input = parseLayoutInput(createPageLayoutWidgetSchema, args.input);
    if (!ctx.layouts.tab(input.pageLayoutTabId)) throw new TwentyError('Page layout tab not found', 'NOT_FOUND');
    const at = now();
    const widget = ctx.layouts.put(ctx.layouts.widgets, {
      id: ctx.layouts.id(), applicationId: WORKSPACE_APPLICATION_ID, pageLayoutTabId: input.pageLayoutTabId, title: input.title,
      type: input.type, objectMetadataId: input.objectMetadataId ?? null, gridPosition: input.gridPosition,
      // Not given, `position` stays null (q3-create-3): only gridPosition places the widget.
      position: input.position ?? null, configuration: storedConfiguration(input.configuration),
      conditionalDisplay: null, conditionalAvailabilityExpression: null, isActive: true, isOverridden: false,
      createdAt: at, updatedAt: at, deletedAt: null,
    });
    return widgetNode(widget);
  },
  destroyPageLayout: (_, args, ctx) => {
    assertCanWrite(ctx);
    return ctx.layouts.layouts.delete(String(args.id));
  },
  destroyPageLayoutTab: (_, args, ctx) => {
    assertCanWrite(ctx);
    return ctx.layouts.tabs.delete(String(args.id));
  },
  destroyPageLayoutWidget: (_, args, ctx) => {
    assertCanWrite(ctx);
    return ctx.layouts.widgets.delete(String(args.id));
  },
};
