// The opportunity mutations a CRM user (or a test playing one) makes: single ones by id and
// Twenty's bulk ones by filter, every write attributed to the caller's actor.
import { queryEnv, type CoreContext } from '@/sandbox/graphql/core-context';
import { badUserInput } from '@/sandbox/graphql/errors';
import { opportunityNode } from '@/sandbox/graphql/nodes';
import { parseOpportunityInput, type OpportunityInput } from '@/sandbox/records/opportunity-input';

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: CoreContext) => unknown;

/** v0.55 answered a bulk create with only the first 60 records (captured); 2.21 returns all. */
const V055_BULK_CREATE_ANSWER = 60;

function requireId(id: unknown): string {
  if (typeof id !== 'string') throw badUserInput('Missing id argument');
  return id;
}

/** v0.55 declares the bulk mutations' filter nullable; a missing one would reach every record. */
function requireFilter(filter: unknown): unknown {
  if (filter === undefined || filter === null) throw badUserInput('Missing filter argument');
  return filter;
}

/** The input as the request's rules read it: 2.21 refuses an unknown stage with the database's own text. */
function inputOf(data: unknown, ctx: CoreContext): OpportunityInput {
  const input = parseOpportunityInput(data);
  if (input.stage !== undefined) queryEnv(ctx).checkOption?.('opportunity', 'stage', input.stage);
  return input;
}

export const opportunityMutationResolvers: Record<string, Resolver> = {
  createOpportunity: (_, args, ctx) => {
    const input = inputOf(args.data, ctx);
    const { writes, store } = ctx.workspace;
    if (args.upsert === true && input.id && store.opportunities.get(input.id)) return opportunityNode(writes.update(input.id, input, ctx.actor));
    const [row] = writes.create([input], ctx.actor);
    return row ? opportunityNode(row) : null;
  },
  createOpportunities: (_, args, ctx) => {
    const inputs = (Array.isArray(args.data) ? args.data : []).map((data: unknown) => inputOf(data, ctx));
    const rows = ctx.workspace.writes.create(inputs, ctx.actor);
    return (ctx.workspace.legacy ? rows.slice(0, V055_BULK_CREATE_ANSWER) : rows).map(opportunityNode);
  },
  updateOpportunity: (_, args, ctx) => opportunityNode(ctx.workspace.writes.update(requireId(args.id), inputOf(args.data, ctx), ctx.actor)),
  deleteOpportunity: (_, args, ctx) => opportunityNode(ctx.workspace.writes.softDelete(requireId(args.id), ctx.actor)),
  restoreOpportunity: (_, args, ctx) => opportunityNode(ctx.workspace.writes.restore(requireId(args.id), ctx.actor)),
  destroyOpportunity: (_, args, ctx) => opportunityNode(ctx.workspace.writes.destroy(requireId(args.id), ctx.actor)),

  updateOpportunities: (_, args, ctx) =>
    ctx.workspace.bulkWrites.update(requireFilter(args.filter), inputOf(args.data, ctx), ctx.actor, queryEnv(ctx)).map(opportunityNode),
  deleteOpportunities: (_, args, ctx) => ctx.workspace.bulkWrites.softDelete(requireFilter(args.filter), ctx.actor, queryEnv(ctx)).map(opportunityNode),
  restoreOpportunities: (_, args, ctx) => ctx.workspace.bulkWrites.restore(requireFilter(args.filter), ctx.actor, queryEnv(ctx)).map(opportunityNode),
  destroyOpportunities: (_, args, ctx) => ctx.workspace.bulkWrites.destroy(requireFilter(args.filter), ctx.actor, queryEnv(ctx)).map(opportunityNode),
};
