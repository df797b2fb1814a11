import { z } from 'zod';
import type { DealGroup } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { pricedCountFromAverage } from '@/lib/twenty/priced-count';
import { microsOrFail } from '@/lib/twenty/records';
import type { Log } from '@/lib/twenty/transport';

// opportunitiesGroupBy answers a list of groups, in NO particular order (2.21 orders them only
// when asked), each with its dimension values (strings, null for empty) in the order of the
// groupBy argument: stage, currency code, close month. Nothing here depends on the order of the
// groups: each one is keyed by its values and merged (group-deals.ts).

/** Twenty answers 50 groups unless told otherwise; stage × currency × month can exceed that. */
export const DEFAULT_GROUP_LIMIT = 50;
export const GROUP_LIMIT = 10_000;

/**
 * `viewId`: a saved view's id as `$viewId`; `byOwner`: ownerId comes first in every group's values
 * (owner-groups.ts splits it off).
 */
export type GroupByShape = { limit: boolean; withAverage: boolean; viewId?: boolean; byOwner?: boolean };

const DIMENSION_ITEMS = '{ stage: true }, { amount: { currencyCode: true } }, { closeDate: { granularity: MONTH, timeZone: $timeZone } }';
/**
 * Months are always bucketed in the dashboard's zone by Twenty: 2.21 refuses a DAY…YEAR
 * group-by without `timeZone` (MISSING_TIMEZONE_FOR_DATE_GROUP_BY), so there is no other form.
 */
export const GROUP_BY_DIMENSIONS = `[${DIMENSION_ITEMS}]`;
/** 2.21 accepts `ownerId: true` although its introspection does not list it (real capture q4-ownerId-key-*). */
export const OWNER_GROUP_BY_DIMENSIONS = `[{ ownerId: true }, ${DIMENSION_ITEMS}]`;

/** The pipeline's dimensions unless told otherwise (the trend groups by creation day). */
export function groupByArguments(shape: GroupByShape, dimensions = shape.byOwner ? OWNER_GROUP_BY_DIMENSIONS : GROUP_BY_DIMENSIONS): { definitions: string; args: string } {
  const definitions = ['$filter: OpportunityFilterInput', '$timeZone: String', shape.limit ? '$groupLimit: Int' : '', shape.viewId ? '$viewId: UUID' : ''];
  const args = [`groupBy: ${dimensions}`, 'filter: $filter', shape.limit ? 'limit: $groupLimit' : '', shape.viewId ? 'viewId: $viewId' : ''];
  return { definitions: definitions.filter(Boolean).join(', '), args: args.filter(Boolean).join(', ') };
}

const dimensionValue = z.union([z.string(), z.number(), z.boolean()]).nullable();
const floatish = z.union([z.number(), z.string()]).nullish();

export const groupByGroupSchema = z.object({
  groupByDimensionValues: z.array(dimensionValue).nullish(),
  totalCount: z.number().int().nonnegative(),
  sumAmountAmountMicros: floatish,
  avgAmountAmountMicros: floatish,
});

export function groupSelection(withAverage: boolean): string {
  return `groupByDimensionValues totalCount sumAmountAmountMicros${withAverage ? ' avgAmountAmountMicros' : ''}`;
}

function monthOfDimension(value: string | null): string | null {
  if (value === null) return null;
  const match = /^(\d{4}-\d{2})/.exec(value);
  if (!match?.[1]) throw new TwentyError('upstream_error', `groupBy month "${value}" is not a date`);
  return match[1];
}

/** Groups as Twenty computes them (local months); amountCount where sum / avg decides it. */
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
    const priced = pricedCountFromAverage(g.totalCount, g.sumAmountAmountMicros, g.avgAmountAmountMicros);
    if (priced !== null) group.amountCount = priced;
    return group;
  });
}
