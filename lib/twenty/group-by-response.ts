import { z } from 'zod';
import type { DealGroup } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { microsOrFail } from '@/lib/twenty/records';
import type { Log } from '@/lib/twenty/transport';

// opportunitiesGroupBy answers a list of groups whose dimension values are strings (null for
// empty) in the order of the groupBy argument: stage, currency code, close month.

/** Twenty answers 50 groups unless told otherwise; stage × currency × month can exceed that. */
export const DEFAULT_GROUP_LIMIT = 50;
export const GROUP_LIMIT = 10_000;

export type GroupByShape = { timeZone: boolean; limit: boolean };

export function groupByDimensions(shape: GroupByShape): string {
  const month = shape.timeZone ? '{ granularity: MONTH, timeZone: $timeZone }' : '{ granularity: MONTH }';
  return `[{ stage: true }, { amount: { currencyCode: true } }, { closeDate: ${month} }]`;
}

export function groupByArguments(shape: GroupByShape): { definitions: string; args: string } {
  const definitions = ['$filter: OpportunityFilterInput', shape.timeZone ? '$timeZone: String' : '', shape.limit ? '$groupLimit: Int' : ''];
  const args = [`groupBy: ${groupByDimensions(shape)}`, 'filter: $filter', shape.limit ? 'limit: $groupLimit' : ''];
  return { definitions: definitions.filter(Boolean).join(', '), args: args.filter(Boolean).join(', ') };
}

const dimensionValue = z.union([z.string(), z.number(), z.boolean()]).nullable();

export const groupByGroupSchema = z.object({
  groupByDimensionValues: z.array(dimensionValue).nullish(),
  totalCount: z.number().int().nonnegative(),
  sumAmountAmountMicros: z.union([z.number(), z.string()]).nullish(),
  countNotEmptyAmount: z.number().int().nonnegative().nullish(),
});

export function groupSelection(withAmountCount: boolean): string {
  return `groupByDimensionValues totalCount sumAmountAmountMicros${withAmountCount ? ' countNotEmptyAmount' : ''}`;
}

function monthOfDimension(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(\d{4}-\d{2})/.exec(value);
  if (!match?.[1]) throw new TwentyError('upstream_error', `groupBy month "${value}" is not a date`);
  return match[1];
}

/** Groups as Twenty computes them: by UTC month, or local month when given a timeZone. */
export function toDealGroups(groups: readonly z.infer<typeof groupByGroupSchema>[], log: Log): DealGroup[] {
  return groups.map((g) => {
    const [stage, currency, month] = (g.groupByDimensionValues ?? []).map((v) => (v === null ? null : String(v)));
    if (stage === undefined || stage === null) throw new TwentyError('upstream_error', 'groupBy group without a stage');
    const group: DealGroup = {
      stage,
      currencyCode: normaliseCurrency(currency),
      closeMonth: monthOfDimension(month ?? null),
      count: g.totalCount,
      amountMicros: microsOrFail(g.sumAmountAmountMicros, 'sumAmountAmountMicros', log) ?? 0n,
    };
    if (g.countNotEmptyAmount !== undefined && g.countNotEmptyAmount !== null) group.amountCount = g.countNotEmptyAmount;
    return group;
  });
}
