import type { DealGroup } from '@/lib/pipeline/types';
import { groupKey } from '@/lib/twenty/group-deals';
import type { Log } from '@/lib/twenty/transport';

// How many deals of a bucket carry an amount (amountMicros not null): the divisor of the average
// deal size. Twenty's countNotEmptyAmount cannot say: 2.21 calls an amount empty only when BOTH
// subfields are null, so `{amountMicros: null, currencyCode: "USD"}` (what clearing an amount
// leaves) counts as priced, and the average came out 2–3 % low.
//
// What we use instead, cheapest first, always exact:
// 1. sum / avg of amountMicros, asked in the same request. SUM and AVG both skip null amounts,
//    so in exact arithmetic sum / avg IS the number of non-null amounts. Both arrive as doubles
//    (relative error ~1e-16 each), so the quotient is within n·1e-15 of the integer n: rounding
//    recovers n exactly for any bucket below 10^14 deals. A quotient that is not within 1e-3 of
//    an integer, or outside 0..count, is not trusted. avg = 0 (every amount zero, or they cancel)
//    says nothing, and neither does a server that does not answer avg.
// 2. Only then: the same totals over `amountMicros is NULL` (one more groupBy, or one more
//    aggregate per undecided total), and priced = count − unpriced. Exact by construction.

const TOLERANCE = 1e-3;

function numberOf(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Priced deals among `count`, from the bucket's sum and average; null when they cannot tell. */
export function pricedCountFromAverage(count: number, sum: unknown, avg: unknown): number | null {
  const s = numberOf(sum);
  const a = numberOf(avg);
  if (s === undefined || a === undefined) return null; // not asked, or unreadable
  if (s === null || a === null) return s === null && a === null ? 0 : null; // no amount at all
  if (a === 0) return null;
  const quotient = s / a;
  const n = Math.round(quotient);
  if (!Number.isFinite(quotient) || Math.abs(quotient - n) > TOLERANCE || n < 1 || n > count) return null;
  return n;
}

/** Every bucket's amountCount as count − its unpriced deals (read over `amountMicros is NULL`). */
export function withUnpricedSubtracted(groups: readonly DealGroup[], unpriced: readonly DealGroup[], log: Log): DealGroup[] {
  const unpricedByKey = new Map(unpriced.map((g) => [groupKey(g.stage, g.currencyCode, g.closeMonth), g.count]));
  return groups.map((g) => {
    const missing = unpricedByKey.get(groupKey(g.stage, g.currencyCode, g.closeMonth)) ?? 0;
    let amountCount = g.count - missing;
    if (amountCount < 0) {
      // A deal changed between the two requests; the next refresh repairs it.
      log({ level: 'warn', event: 'twenty.priced_count_drift', stage: g.stage, count: g.count, unpriced: missing });
      amountCount = 0;
    }
    return { ...g, amountCount };
  });
}
