import { dealsWithAmount } from '@/lib/pipeline/group-totals';
import type { DealGroup } from '@/lib/pipeline/types';

// Two strategies' buckets for one dashboard must be identical: deals, exact micros and priced
// deals (the average's divisor) per stage × currency × close month.

type Totals = { count: number; amountMicros: bigint; priced: number };

export type GroupComparison = {
  same: boolean;
  buckets: number;
  /** Deals according to the first strategy. */
  deals: number;
  /** Every bucket that differs… */
  differing: number;
  /** …and the first few of them, in words. */
  differences: string[];
};

/** Priced deals, counted as the wall counts them for its average (lib/pipeline/group-totals.ts). */
const pricedOf = dealsWithAmount;

function bucketKey(group: DealGroup, byMonth: boolean): string {
  return [group.stage, group.currencyCode ?? '(no currency)', byMonth ? (group.closeMonth ?? '(no close date)') : '*'].join(' · ');
}

function totalsByBucket(groups: readonly DealGroup[], byMonth: boolean): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const g of groups) {
    const key = bucketKey(g, byMonth);
    const t = out.get(key) ?? { count: 0, amountMicros: 0n, priced: 0 };
    out.set(key, { count: t.count + g.count, amountMicros: t.amountMicros + g.amountMicros, priced: t.priced + pricedOf(g) });
  }
  return out;
}

const describe = (t: Totals | undefined) => (t ? `${t.count} deals, ${t.amountMicros} micros, ${t.priced} priced` : 'nothing');

/**
 * `byMonth: false` compares per stage × currency only — the aggregate strategy knows months only
 * inside its window. Differences are listed in a stable order, at most `limit` of them.
 */
export function compareGroups(
  names: [string, string],
  first: readonly DealGroup[],
  second: readonly DealGroup[],
  opts: { byMonth: boolean; limit?: number },
): GroupComparison {
  const a = totalsByBucket(first, opts.byMonth);
  const b = totalsByBucket(second, opts.byMonth);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differences: string[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.count === y.count && x.amountMicros === y.amountMicros && x.priced === y.priced) continue;
    differences.push(`${key}: ${names[0]} ${describe(x)}, ${names[1]} ${describe(y)}`);
  }
  const deals = [...a.values()].reduce((sum, t) => sum + t.count, 0);
  return { same: differences.length === 0, buckets: keys.length, deals, differing: differences.length, differences: differences.slice(0, opts.limit ?? 3) };
}
