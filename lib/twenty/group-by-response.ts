import { z } from 'zod';
import type { DealGroup } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { microsOrFail } from '@/lib/twenty/records';
import type { Log } from '@/lib/twenty/transport';

// opportunitiesGroupBy answers a list of groups whose dimension values are strings (null for
// empty) in the order of the groupBy argument: stage, currency code, close month.

export const GROUP_BY_DIMENSIONS = '[{ stage: true }, { amount: { currencyCode: true } }, { closeDate: { granularity: MONTH } }]';

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

/** Groups keyed by UTC month, as Twenty computes them. */
export function toUtcMonthGroups(groups: readonly z.infer<typeof groupByGroupSchema>[], log: Log): DealGroup[] {
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
