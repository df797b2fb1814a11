import { addToSums, emptySums, toMoneyTotal, type Conversion } from '@/lib/pipeline/money/totals';
import type { CreatedPoint, CreatedWeeks } from '@/lib/pipeline/types';

/**
 * The new-pipeline trend: one point per week lib/twenty read (oldest first), weeks with nothing
 * created included with zeros. Amounts follow the KPIs' rules: a currency with a rate converts
 * (once per week and currency), one without stays apart in `other`, never added.
 */
export function buildCreatedTrend(created: CreatedWeeks, conversion: Conversion): CreatedPoint[] {
  return created.weeks.map((week) => {
    const sums = emptySums();
    let count = 0;
    for (const bucket of created.buckets) {
      if (bucket.week !== week) continue;
      count += bucket.count;
      addToSums(sums, bucket.currencyCode, bucket.amountMicros);
    }
    return { week, count, ...toMoneyTotal(sums, conversion) };
  });
}
