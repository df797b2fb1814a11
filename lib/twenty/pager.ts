import { z } from 'zod';
import type { CallBudget } from '@/lib/twenty/budget';
import type { OpportunityFilterInput } from '@/lib/twenty/filters';
import type { DealRecord } from '@/lib/twenty/group-deals';
import { TwentyError } from '@/lib/twenty/errors';
import { groupingNodeSchema, pageInfoSchema, toDealRecord } from '@/lib/twenty/records';
import type { Log, Transport } from '@/lib/twenty/transport';

// Reads every matching deal, `first`/`after` in Twenty's default (id) order. Never ordered by
// amount: v0.55 loses records on `after` pages when ordered by amount.

// Two documents rather than `totalCount @include(if: $withTotal)`: Twenty 2.21 crashes on any
// directive that takes a variable ("Cannot read properties of undefined").
/** Fields read beside stage, amount and close date: ownerId (Twenty ≥ 1.16) for the owners leaderboard, createdAt for the trend. */
export type ExtraDealFields = { ownerId?: boolean; createdAt?: boolean };

export function dealPageDocument(withTotal: boolean, extra: ExtraDealFields = {}): string {
  return `query DealPage($filter: OpportunityFilterInput, $first: Int, $after: String) {
    opportunities(filter: $filter, first: $first, after: $after) {
      ${withTotal ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
      edges { node { stage amount { amountMicros currencyCode } closeDate${extra.ownerId ? ' ownerId' : ''}${extra.createdAt ? ' createdAt' : ''} } }
    }
  }`;
}

const dealPageSchema = z.object({
  opportunities: z.object({
    totalCount: z.number().int().nonnegative().optional(),
    pageInfo: pageInfoSchema,
    edges: z.array(z.object({ node: groupingNodeSchema.extend({ ownerId: z.string().nullish() }) })),
  }),
});

export type PageAllOptions = {
  transport: Transport;
  filter: OpportunityFilterInput;
  pageSize: number;
  log: Log;
  /** Used only to tell the operator how long a pass takes at the budget's pace. */
  budget?: CallBudget;
  purpose: string;
  withOwner?: boolean;
  /** Read each deal's createdAt too (the new-pipeline trend buckets by it). */
  withCreatedAt?: boolean;
};

export type PagedDeal = DealRecord & { ownerId?: string | null };

export type DealPage = { deals: PagedDeal[]; totalCount?: number; endCursor: string | null; hasNextPage: boolean };

/** One page of deals (stage, amount, close date) in default order. */
export async function fetchDealPage(
  transport: Transport,
  opts: { filter: OpportunityFilterInput; first: number; after: string | null; withTotal: boolean; log?: Log; withOwner?: boolean; withCreatedAt?: boolean },
): Promise<DealPage> {
  const data: z.infer<typeof dealPageSchema> = await transport.runQuery({
    document: dealPageDocument(opts.withTotal, { ownerId: opts.withOwner, createdAt: opts.withCreatedAt }),
    variables: { filter: opts.filter, first: opts.first, after: opts.after },
    schema: dealPageSchema,
  });
  const { totalCount, pageInfo, edges } = data.opportunities;
  return {
    deals: edges.map((e) => (opts.withOwner ? { ...toDealRecord(e.node, opts.log), ownerId: e.node.ownerId ?? null } : toDealRecord(e.node, opts.log))),
    ...(totalCount !== undefined ? { totalCount } : {}),
    endCursor: pageInfo.endCursor ?? null,
    hasNextPage: pageInfo.hasNextPage && edges.length > 0,
  };
}

export async function pageAllDeals(options: PageAllOptions): Promise<PagedDeal[]> {
  const { transport, filter, pageSize, log, purpose, withOwner } = options;
  const deals: PagedDeal[] = [];
  let after: string | null = null;
  let expectedPages = 1;
  for (let page = 0; ; page++) {
    const result = await fetchDealPage(transport, { filter, first: pageSize, after, withTotal: page === 0, log, withOwner, withCreatedAt: options.withCreatedAt });
    if (page === 0 && result.totalCount !== undefined) {
      expectedPages = Math.max(1, Math.ceil(result.totalCount / pageSize));
      const perMinute = options.budget?.stats().perMinute;
      log({
        level: expectedPages > 10 ? 'warn' : 'info',
        event: 'twenty.paging_pass',
        purpose,
        totalCount: result.totalCount,
        pages: expectedPages,
        ...(perMinute ? { minutesAtBudget: Math.round((expectedPages / perMinute) * 10) / 10, budgetPerMinute: perMinute } : {}),
      });
    }
    deals.push(...result.deals);
    // A cursor that does not move ends the pass; far more pages than announced is a server bug.
    if (!result.hasNextPage || !result.endCursor || result.endCursor === after) break;
    if (page > expectedPages * 2 + 10) {
      throw new TwentyError('upstream_error', `paging ${purpose} did not end after ${page + 1} pages`);
    }
    after = result.endCursor;
  }
  return deals;
}
