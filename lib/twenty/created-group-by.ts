import { z } from 'zod';
import type { CreatedBucket } from '@/lib/pipeline/types';
import { weekOfDay } from '@/lib/pipeline/weeks';
import { mergeCreated, type CreatedRequest } from '@/lib/twenty/created-weeks';
import { TwentyError } from '@/lib/twenty/errors';
import { toFilterInput } from '@/lib/twenty/filters';
import { DEFAULT_GROUP_LIMIT, GROUP_LIMIT, groupByArguments, groupByGroupSchema } from '@/lib/twenty/group-by-response';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { microsOrFail } from '@/lib/twenty/records';
import type { StrategyContext } from '@/lib/twenty/strategy-context';

// The trend on a server with groupBy: ONE more request (a document may not name
// opportunitiesGroupBy twice, even aliased, so it cannot ride in the pipeline's request),
// grouped by createdAt DAY in the dashboard's zone × currency code, and summed into weeks here.
// Days, not Twenty's WEEK: 2.21 shifts a SUNDAY/SATURDAY week by 24-hour days, so in a week
// with a DST change deals within an hour of the boundary land in the neighbouring week (and the
// key prints the day before: sandbox/query/date-buckets.ts). Local days are exact in every zone
// and for every week start, and agree with the paging and webhook paths to the deal. 84 days ×
// currencies fit a server that takes `limit`; one without it cuts at 50 groups, and a full page
// is no answer: the trend is then read by paging (created-fetch.ts).

export const CREATED_GROUP_BY_DIMENSIONS = '[{ createdAt: { granularity: DAY, timeZone: $timeZone } }, { amount: { currencyCode: true } }]';

export function createdGroupByDocument(withLimit: boolean): string {
  const { definitions, args } = groupByArguments({ limit: withLimit, withAverage: false }, CREATED_GROUP_BY_DIMENSIONS);
  return `query CreatedByDay(${definitions}) { opportunitiesGroupBy(${args}) { groupByDimensionValues totalCount sumAmountAmountMicros } }`;
}

const resultSchema = z.object({ opportunitiesGroupBy: z.array(groupByGroupSchema) });

function dayOf(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  if (!match?.[1]) throw new TwentyError('upstream_error', `groupBy day "${String(value)}" is not a date`);
  return match[1];
}

/** Each group keyed by its own values (day, currency), never by its place in the list. */
export function createdBucketsOfGroups(groups: readonly z.infer<typeof groupByGroupSchema>[], request: CreatedRequest, ctx: Pick<StrategyContext, 'dashboard' | 'log'>): CreatedBucket[] {
  return mergeCreated(
    groups.map((g) => {
      const [day, currency] = g.groupByDimensionValues ?? [];
      const week = weekOfDay(dayOf(day), ctx.dashboard.weekStart);
      if (!request.frame.weeks.includes(week)) throw new TwentyError('upstream_error', `groupBy day "${String(day)}" is outside the trend's weeks`);
      return {
        week,
        currencyCode: normaliseCurrency(currency === null || currency === undefined ? null : String(currency)),
        count: g.totalCount,
        amountMicros: microsOrFail(g.sumAmountAmountMicros, 'sumAmountAmountMicros', ctx.log) ?? 0n,
      };
    }),
  );
}

/** null when the answer may be cut short (the caller then reads the deals page by page). */
export async function readCreatedByGroupBy(ctx: StrategyContext, request: CreatedRequest): Promise<CreatedBucket[] | null> {
  const withLimit = ctx.caps.groupByArgs.includes('limit');
  const variables: Record<string, unknown> = { filter: toFilterInput(request.parts), timeZone: ctx.dashboard.timeZone };
  if (withLimit) variables.groupLimit = GROUP_LIMIT;
  const answer = await ctx.transport.runQuery({ document: createdGroupByDocument(withLimit), variables, schema: resultSchema });
  // Twenty cuts at the limit without saying so: a full page could hide days, so it is no answer.
  if (answer.opportunitiesGroupBy.length >= (withLimit ? GROUP_LIMIT : DEFAULT_GROUP_LIMIT)) {
    ctx.log({ level: 'warn', event: 'twenty.created_groupby_truncated', groups: answer.opportunitiesGroupBy.length });
    return null;
  }
  return createdBucketsOfGroups(answer.opportunitiesGroupBy, request, ctx);
}
