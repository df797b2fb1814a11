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
export function dealPageDocument(withTotal: boolean, withCreatedAt = false): string {
  return `query DealPage($filter: OpportunityFilterInput, $first: Int, $after: String) {
    opportunities(filter: $filter, first: $first, after: $after) {
      ${withTotal ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
      edges { node { stage amount { amountMicros currencyCode } closeDate${withCreatedAt ? ' createdAt' : ''} } }
    }
  }`;
}

const dealPageSchema = z.object({
  opportunities: z.object({
    totalCount: z.number().int().nonnegative().optional(),
    pageInfo: pageInfoSchema,
    edges: z.array(z.object({ node: groupingNodeSchema })),
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
  /** Read each deal's createdAt too (the new-pipeline trend buckets by it). */
  withCreatedAt?: boolean;
};

export type DealPage = { deals: DealRecord[]; totalCount?: number; endCursor: string | null; hasNextPage: boolean };

/** One page of deals (stage, amount, close date) in default order. */
export async function fetchDealPage(
  transport: Transport,
  opts: { filter: OpportunityFilterInput; first: number; after: string | null; withTotal: boolean; log?: Log; withCreatedAt?: boolean },
): Promise<DealPage> {
  const data: z.infer<typeof dealPageSchema> = await transport.runQuery({
    document: dealPageDocument(opts.withTotal, opts.withCreatedAt),
    variables: { filter: opts.filter, first: opts.first, after: opts.after },
    schema: dealPageSchema,
  });
  const { totalCount, pageInfo, edges } = data.opportunities;
  return {
    deals: edges.map((e) => toDealRecord(e.node, opts.log)),
    ...(totalCount !== undefined ? { totalCount } : {}),
    endCursor: pageInfo.endCursor ?? null,
    hasNextPage: pageInfo.hasNextPage && edges.length > 0,
  };
}

export async function pageAllDeals(options: PageAllOptions): Promise<DealRecord[]> {
  const { transport, filter, pageSize, log, purpose } = options;
  const deals: DealRecord[] = [];
  let after: string | null = null;
  let expectedPages = 1;
  for (let page = 0; ; page++) {
    const result = await fetchDealPage(transport, { filter, first: pageSize, after, withTotal: page === 0, log, withCreatedAt: options.withCreatedAt });
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
