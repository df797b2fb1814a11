// Resolvers for /graphql: records, the mutations a CRM user makes, relations and groupBy.
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { ConnectionSource } from '@/lib/sandbox/graphql/connection-source';
import { recordNotFound, TwentyError } from '@/lib/sandbox/graphql/errors';
import { companyNode, opportunityNode, personNode, type CompanyNode, type OpportunityNode, type PersonNode } from '@/lib/sandbox/graphql/nodes';
import { companySpec, opportunitySpec, personSpec, type ObjectSpec } from '@/lib/sandbox/records/object-specs';
import { opportunityMutationResolvers } from '@/lib/sandbox/graphql/mutation-resolvers';
import type { Actor } from '@/lib/sandbox/records/types';
import type { FieldRefusal } from '@/lib/sandbox/rate-limit';
import { findMany, matchRows, paginate, type FindManyArgs, type PagePolicy } from '@/lib/sandbox/query/find-many';
import { groupRows } from '@/lib/sandbox/query/group-by';
import { NESTED_PAGE_POLICY, type Workspace } from '@/lib/sandbox/workspace';

export type CoreContext = {
  workspace: Workspace;
  /** Who the writes are attributed to (Twenty's createdBy). */
  actor: Actor;
  /** Root fields (by response key) the rate limiter refused; each resolves to null with its error. */
  refused: FieldRefusal | null;
};

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: CoreContext) => unknown;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const findArgs = (args: Args): FindManyArgs => ({
  first: num(args.first), last: num(args.last), before: str(args.before), after: str(args.after),
  limit: num(args.limit), filter: args.filter, orderBy: args.orderBy,
});

function connection<Row extends { deletedAt: number | null }>(
  spec: ObjectSpec<Row>, rows: readonly Row[], args: FindManyArgs, policy: PagePolicy, ctx: CoreContext, toNode: (row: Row) => object,
): ConnectionSource<Row> {
  const result = findMany(rows, spec, args, policy, ctx.workspace.env);
  return new ConnectionSource(spec, result.matched, () => result, toNode);
}

function single<Row extends { deletedAt: number | null }>(spec: ObjectSpec<Row>, rows: readonly Row[], filter: unknown, ctx: CoreContext): Row {
  const row = matchRows(rows, spec, filter, ctx.workspace.env)[0];
  if (!row) throw recordNotFound();
  return row;
}

const Query: Record<string, Resolver> = {
  opportunities: (_, args, ctx) =>
    connection(opportunitySpec, ctx.workspace.store.opportunities.all(), findArgs(args), ctx.workspace.policy, ctx, opportunityNode),
  opportunity: (_, args, ctx) => opportunityNode(single(opportunitySpec, ctx.workspace.store.opportunities.all(), args.filter, ctx)),
  companies: (_, args, ctx) => connection(companySpec, ctx.workspace.store.companies.all(), findArgs(args), ctx.workspace.policy, ctx, companyNode),
  company: (_, args, ctx) => companyNode(single(companySpec, ctx.workspace.store.companies.all(), args.filter, ctx)),
  people: (_, args, ctx) => connection(personSpec, ctx.workspace.store.people.all(), findArgs(args), ctx.workspace.policy, ctx, personNode),
  person: (_, args, ctx) => personNode(single(personSpec, ctx.workspace.store.people.all(), args.filter, ctx)),
  opportunitiesGroupBy: (_, args, ctx) => {
    if (args.viewId) throw new TwentyError('View not found', 'NOT_FOUND');
    const { env } = ctx.workspace;
    const matched = matchRows(ctx.workspace.store.opportunities.all(), opportunitySpec, args.filter, env);
    const groups = groupRows(opportunitySpec, matched, { groupBy: args.groupBy, orderBy: args.orderBy, limit: num(args.limit) }, env);
    const recordArgs: FindManyArgs = { orderBy: args.orderByForRecords };
    return groups.map(
      (g) => new ConnectionSource(opportunitySpec, g.rows, () => paginate(g.rows, opportunitySpec, recordArgs, NESTED_PAGE_POLICY, env), opportunityNode, g.values),
    );
  },
};

const Mutation: Record<string, Resolver> = opportunityMutationResolvers;

const Opportunity: Record<string, Resolver> = {
  company: (source, _, ctx) => {
    const id = (source as OpportunityNode).companyId;
    const row = id ? ctx.workspace.store.companies.get(id) : undefined;
    return row && row.deletedAt === null ? companyNode(row) : null;
  },
  pointOfContact: (source, _, ctx) => {
    const id = (source as OpportunityNode).pointOfContactId;
    const row = id ? ctx.workspace.store.people.get(id) : undefined;
    return row && row.deletedAt === null ? personNode(row) : null;
  },
};

const Person: Record<string, Resolver> = {
  company: (source, _, ctx) => {
    const id = (source as PersonNode).companyId;
    const row = id ? ctx.workspace.store.companies.get(id) : undefined;
    return row && row.deletedAt === null ? companyNode(row) : null;
  },
};

const Company: Record<string, Resolver> = {
  opportunities: (source, args, ctx) => {
    const own = { companyId: { eq: (source as CompanyNode).id } };
    const filter = args.filter ? { and: [args.filter, own] } : own;
    return connection(opportunitySpec, ctx.workspace.store.opportunities.all(), { ...findArgs(args), filter }, NESTED_PAGE_POLICY, ctx, opportunityNode);
  },
};

const RESOLVERS: Record<string, Record<string, Resolver>> = { Query, Mutation, Opportunity, Company, Person };

export const coreFieldResolver: GraphQLFieldResolver<unknown, CoreContext> = (source, args, ctx, info) => {
  const typeName = info.parentType.name;
  if ((typeName === 'Query' || typeName === 'Mutation') && ctx.refused?.keys.has(String(info.path.key))) throw ctx.refused.error();
  const resolver = RESOLVERS[typeName]?.[info.fieldName];
  if (resolver) return resolver(source, args, ctx);
  if (source instanceof ConnectionSource) return source.field(info.fieldName);
  return defaultFieldResolver(source, args, ctx, info);
};
