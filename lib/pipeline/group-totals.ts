import { addToSums, emptySums, isConvertible, toMoneyTotal, type Conversion } from '@/lib/pipeline/money/totals';
import type { DealGroup, MoneyTotal } from '@/lib/pipeline/types';

export type CountedTotal = MoneyTotal & { count: number };

/**
 * A deal is priced when its amountMicros is not null, whatever its currency code says: that is
 * what the average deal divides by (a bucket's amountCount), what SUM and AVG skip, and what the
 * top-deals order puts last. Never Twenty's countNotEmptyAmount, which on 2.21 counts
 * `{amountMicros: null, currencyCode: "USD"}` as not empty (lib/twenty/priced-count.ts).
 */
export function isPriced(amountMicros: bigint | null): amountMicros is bigint {
  return amountMicros !== null;
}

/** Count and per-currency sum of the given buckets, in the display currency where a rate allows. */
export function totalOf(groups: Iterable<DealGroup>, conversion: Conversion): CountedTotal {
  const sums = emptySums();
  let count = 0;
  for (const group of groups) {
    count += group.count;
    addToSums(sums, group.currencyCode, group.amountMicros);
  }
  return { ...toMoneyTotal(sums, conversion), count };
}

/**
 * Deals of a bucket that carry an amount (lib/twenty gives every bucket its exact amountCount).
 * Without one, a bucket with a currency code is taken to be all priced and one without a code to
 * have no amounts.
 */
export function dealsWithAmount(group: DealGroup): number {
  return group.amountCount ?? (group.currencyCode ? group.count : 0);
}

/** Priced deals whose amounts are part of a display-currency total. */
export function convertibleDealCount(groups: Iterable<DealGroup>, conversion: Conversion): number {
  let n = 0;
  for (const group of groups) {
    if (isConvertible(conversion, group.currencyCode)) n += dealsWithAmount(group);
  }
  return n;
}
