// Resolvers for /graphql: records, the mutations a CRM user makes, relations and groupBy. In 2.21
// the arguments arrive raw (no input coercion), so every reader here tolerates any JSON.
import { randomUUID } from 'node:crypto';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { ConnectionSource } from '@/sandbox/graphql/connection-source';
import { isStrict, NESTED_POLICY, opportunityRelations, pagePolicy, queryEnv, type CoreContext } from '@/sandbox/graphql/core-context';
import { permissionDenied, recordNotFound } from '@/sandbox/graphql/errors';
import { groupByConnections } from '@/sandbox/graphql/group-by-resolvers';
import { opportunityMutationResolvers } from '@/sandbox/graphql/mutation-resolvers';
import { companyNode, dashboardNode, opportunityNode, personNode, workspaceMemberNode, type CompanyNode, type OpportunityNode, type PersonNode } from '@/sandbox/graphql/nodes';
import { isRecord } from '@/sandbox/query/filter';
import { findMany, matchRows, type FindManyArgs, type PagePolicy } from '@/sandbox/query/find-many';
import { companySpec, dashboardSpec, opportunitySpec, personSpec, workspaceMemberSpec, type ObjectSpec } from '@/sandbox/records/object-specs';

export type { CoreContext } from '@/sandbox/graphql/core-context';

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: CoreContext) => unknown;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const findArgs = (args: Args): FindManyArgs => ({
  first: num(args.first), last: num(args.last), before: str(args.before), after: str(args.after),
  limit: num(args.limit), offset: num(args.offset), filter: args.filter, orderBy: args.orderBy,
});

function connection<Row extends { deletedAt: number | null }>(
  spec: ObjectSpec<Row>, rows: readonly Row[], args: FindManyArgs, policy: PagePolicy, ctx: CoreContext, toNode: (row: Row) => object,
): ConnectionSource<Row> {
  const result = findMany(rows, spec, args, policy, queryEnv(ctx));
  return new ConnectionSource(spec, result.matched, () => result, toNode);
}

function single<Row extends { deletedAt: number | null }>(spec: ObjectSpec<Row>, rows: readonly Row[], filter: unknown, ctx: CoreContext): Row {
  const row = matchRows(rows, spec, filter, queryEnv(ctx))[0];
  if (!row) throw recordNotFound(isStrict(ctx));
  return row;
}

const Query: Record<string, Resolver> = {
  opportunities: (_, args, ctx) =>
    connection(opportunitySpec, ctx.workspace.store.opportunities.all(), findArgs(args), pagePolicy(ctx), ctx, opportunityNode),
  opportunity: (_, args, ctx) => opportunityNode(single(opportunitySpec, ctx.workspace.store.opportunities.all(), args.filter, ctx)),
  companies: (_, args, ctx) => connection(companySpec, ctx.workspace.store.companies.all(), findArgs(args), pagePolicy(ctx), ctx, companyNode),
  company: (_, args, ctx) => companyNode(single(companySpec, ctx.workspace.store.companies.all(), args.filter, ctx)),
  people: (_, args, ctx) => connection(personSpec, ctx.workspace.store.people.all(), findArgs(args), pagePolicy(ctx), ctx, personNode),
  person: (_, args, ctx) => personNode(single(personSpec, ctx.workspace.store.people.all(), args.filter, ctx)),
  dashboards: (_, args, ctx) => connection(dashboardSpec, ctx.workspace.layouts.dashboards, findArgs(args), pagePolicy(ctx), ctx, dashboardNode),
  dashboard: (_, args, ctx) => dashboardNode(single(dashboardSpec, ctx.workspace.layouts.dashboards, args.filter, ctx)),
  workspaceMembers: (_, args, ctx) =>
    connection(workspaceMemberSpec, ctx.workspace.store.workspaceMembers.all(), findArgs(args), pagePolicy(ctx), ctx, workspaceMemberNode),
  workspaceMember: (_, args, ctx) => workspaceMemberNode(single(workspaceMemberSpec, ctx.workspace.store.workspaceMembers.all(), args.filter, ctx)),
  opportunitiesGroupBy: (_, args, ctx) =>
    groupByConnections(opportunitySpec, ctx.workspace.store.opportunities.all(), args, ctx, opportunityRelations(ctx), opportunityNode),
  workspaceMembersGroupBy: (_, args, ctx) => groupByConnections(workspaceMemberSpec, ctx.workspace.store.workspaceMembers.all(), args, ctx, {}, workspaceMemberNode),
};

const Mutation: Record<string, Resolver> = {
  ...opportunityMutationResolvers,
  // As the UI's last step (q3-create-4): a dashboard record showing a layout, placed before all others.
  createDashboard: (_, args, ctx) => {
    const data = isRecord(args.data) ? args.data : {};
    const rows = ctx.workspace.layouts.dashboards;
    const now = Date.now();
    const row = {
      id: typeof data.id === 'string' ? data.id : randomUUID(), title: typeof data.title === 'string' ? data.title : '',
      position: typeof data.position === 'number' ? data.position : Math.min(0, ...rows.map((r) => r.position)) - 1,
      pageLayoutId: typeof data.pageLayoutId === 'string' ? data.pageLayoutId : null,
      createdBy: ctx.actor, updatedBy: ctx.actor, createdAt: now, updatedAt: now, deletedAt: null,
    };
    rows.push(row);
    return dashboardNode(row);
  },
};

const relatedRow = <Row extends { deletedAt: number | null }>(id: string | null, get: (id: string) => Row | undefined) => {
  const row = id ? get(id) : undefined;
  return row && row.deletedAt === null ? row : undefined;
};

const Opportunity: Record<string, Resolver> = {
  company: (source, _, ctx) => {
    const row = relatedRow((source as OpportunityNode).companyId, (id) => ctx.workspace.store.companies.get(id));
    return row ? companyNode(row) : null;
  },
  pointOfContact: (source, _, ctx) => {
    if (ctx.principal?.readOnly) throw permissionDenied();
    const row = relatedRow((source as OpportunityNode).pointOfContactId, (id) => ctx.workspace.store.people.get(id));
    return row ? personNode(row) : null;
  },
  owner: (source, _, ctx) => {
    const row = relatedRow((source as OpportunityNode).ownerId, (id) => ctx.workspace.store.workspaceMembers.get(id));
    return row ? workspaceMemberNode(row) : null;
  },
};

const Person: Record<string, Resolver> = {
  company: (source, _, ctx) => {
    const row = relatedRow((source as PersonNode).companyId, (id) => ctx.workspace.store.companies.get(id));
    return row ? companyNode(row) : null;
  },
};

const Company: Record<string, Resolver> = {
  opportunities: (source, args, ctx) => {
    const own = { companyId: { eq: (source as CompanyNode).id } };
    const filter = args.filter ? { and: [args.filter, own] } : own;
    return connection(opportunitySpec, ctx.workspace.store.opportunities.all(), { ...findArgs(args), filter }, NESTED_POLICY, ctx, opportunityNode);
  },
};

const RESOLVERS: Record<string, Record<string, Resolver>> = { Query, Mutation, Opportunity, Company, Person };
/** Objects outside the read-only role: people, and dashboard records (captured: q3-dashboards-readonly-key). */
const UNREADABLE_ROOTS = new Set(['people', 'person', 'dashboards', 'dashboard']);

/** Refusals decided before a root field runs: rate limit, 2.21 preflight, the read-only role. */
function rootRefusal(typeName: string, fieldName: string, key: string, ctx: CoreContext): Error | null {
  if (ctx.refused?.keys.has(key)) return ctx.refused.error();
  const preflight = ctx.preflight.get(key);
  if (preflight) return preflight;
  if (ctx.principal?.readOnly && (typeName === 'Mutation' || UNREADABLE_ROOTS.has(fieldName))) return permissionDenied();
  return null;
}

export const coreFieldResolver: GraphQLFieldResolver<unknown, CoreContext> = (source, args, ctx, info) => {
  const typeName = info.parentType.name;
  if (typeName === 'Query' || typeName === 'Mutation') {
    const refusal = rootRefusal(typeName, info.fieldName, String(info.path.key), ctx);
    if (refusal) throw refusal;
  }
  const resolver = RESOLVERS[typeName]?.[info.fieldName];
  if (resolver) return resolver(source, args, ctx);
  if (source instanceof ConnectionSource) return source.field(info.fieldName);
  return defaultFieldResolver(source, args, ctx, info);
};
