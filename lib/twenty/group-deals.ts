import type { DealGroup } from '@/lib/pipeline/types';
import { monthKeyOf, type MonthKey } from '@/lib/pipeline/zoned';

// The buckets every strategy ends in: stage × currency × close month (in the dashboard's time
// zone). Paging groups records here; groupBy and aggregates are merged and ordered here too, so
// all strategies hand lib/pipeline the same list for the same data.

export type DealRecord = {
  stage: string;
  amountMicros: bigint | null;
  currencyCode: string | null;
  closeDate: string | null;
};

/** Twenty stores "no currency" as "" (v0.55) or null. */
export function normaliseCurrency(code: string | null | undefined): string | null {
  return code === null || code === undefined || code.trim() === '' ? null : code;
}

export function groupKey(stage: string, currencyCode: string | null, closeMonth: string | null): string {
  return JSON.stringify([stage, currencyCode, closeMonth]);
}

function monthOf(closeDate: string | null, timeZone: string): MonthKey | null {
  if (closeDate === null) return null;
  const date = new Date(closeDate);
  return Number.isNaN(date.getTime()) ? null : monthKeyOf(date, timeZone);
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function compareGroups(a: DealGroup, b: DealGroup): number {
  return (
    compareNullable(a.stage, b.stage) ||
    compareNullable(a.currencyCode, b.currencyCode) ||
    compareNullable(a.closeMonth, b.closeMonth)
  );
}

/** Adds groups with the same key together; drops empty ones; stable order. */
export function mergeGroups(groups: Iterable<DealGroup>): DealGroup[] {
  const byKey = new Map<string, DealGroup>();
  for (const g of groups) {
    const key = groupKey(g.stage, g.currencyCode, g.closeMonth);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...g });
      continue;
    }
    seen.count += g.count;
    seen.amountMicros += g.amountMicros;
    if (seen.amountCount !== undefined && g.amountCount !== undefined) seen.amountCount += g.amountCount;
    else delete seen.amountCount;
  }
  return [...byKey.values()].filter((g) => g.count !== 0 || g.amountMicros !== 0n).sort(compareGroups);
}

/** Buckets records; a deal without an amount counts but adds nothing to the sum. */
export function groupDeals(deals: Iterable<DealRecord>, timeZone: string): DealGroup[] {
  const groups: DealGroup[] = [];
  for (const deal of deals) {
    groups.push({
      stage: deal.stage,
      currencyCode: normaliseCurrency(deal.currencyCode),
      closeMonth: monthOf(deal.closeDate, timeZone),
      count: 1,
      amountMicros: deal.amountMicros ?? 0n,
      amountCount: deal.amountMicros === null ? 0 : 1,
    });
  }
  return mergeGroups(groups);
}

/**
 * Months outside [first, last] become closeMonth null. The aggregate strategy only has month
 * detail inside the snapshot window, so this is how its groups compare with the others'.
 */
export function foldMonthsOutside(groups: Iterable<DealGroup>, first: MonthKey, last: MonthKey): DealGroup[] {
  const folded: DealGroup[] = [];
  for (const g of groups) {
    const inside = g.closeMonth !== null && g.closeMonth >= first && g.closeMonth <= last;
    folded.push(inside ? g : { ...g, closeMonth: null });
  }
  return mergeGroups(folded);
}

export function withoutAmountCount(groups: Iterable<DealGroup>): DealGroup[] {
  return [...groups].map((g) => ({ stage: g.stage, currencyCode: g.currencyCode, closeMonth: g.closeMonth, count: g.count, amountMicros: g.amountMicros }));
}
