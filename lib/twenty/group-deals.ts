import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { isPriced } from '@/lib/pipeline/group-totals';
import type { DealGroup, FetchStrategy } from '@/lib/pipeline/types';
import { monthKeyOf, snapshotMonthWindow, type MonthKey } from '@/lib/pipeline/zoned';

// The buckets every strategy ends in: stage × currency × close month (in the dashboard's time
// zone). Paging groups records here; groupBy and aggregates are merged and ordered here too, so
// all strategies hand lib/pipeline the same list for the same data. The webhook path moves one
// deal between these buckets (lib/live/apply-groups.ts) with the same `dealGroupOf`,
// `addToGroup` and `settleGroups`, so a deal lands where a fetch would have put it.

/** Twenty's names of the fields a deal's bucket is read from (`amount`: micros and currency). */
export const GROUP_FIELDS = ['stage', 'amount', 'closeDate'] as const;

export type DealRecord = {
  stage: string;
  amountMicros: bigint | null;
  currencyCode: string | null;
  closeDate: string | null;
  /** Present when the page asked for it (the new-pipeline trend). */
  createdAt?: string | null;
};

/** Twenty stores "no currency" as "" (v0.55) or null. */
export function normaliseCurrency(code: string | null | undefined): string | null {
  return code === null || code === undefined || code.trim() === '' ? null : code;
}

export function groupKey(stage: string, currencyCode: string | null, closeMonth: string | null): string {
  return JSON.stringify([stage, currencyCode, closeMonth]);
}

export function groupKeyOf(group: Pick<DealGroup, 'stage' | 'currencyCode' | 'closeMonth'>): string {
  return groupKey(group.stage, group.currencyCode, group.closeMonth);
}

/** The months a strategy's buckets name, inclusive; outside them a bucket's month is null. */
export type MonthSpan = { first: MonthKey; last: MonthKey };

/**
 * The aggregate strategy has month detail only inside the snapshot window (strategy-aggregate.ts
 * folds every other month into closeMonth null, whatever the currency); groupBy and paging name
 * every month (null: no span).
 */
export function monthSpanOf(strategy: FetchStrategy, dashboard: Pick<DashboardConfig, 'timeZone' | 'period'>, fetchedNow: Date): MonthSpan | null {
  return strategy === 'aggregate' ? snapshotMonthWindow(fetchedNow, dashboard.timeZone, dashboard.period) : null;
}

function withinSpan(month: MonthKey | null, span: MonthSpan | null): MonthKey | null {
  return month === null || span === null || (month >= span.first && month <= span.last) ? month : null;
}

function monthOf(closeDate: string | null, timeZone: string): MonthKey | null {
  if (closeDate === null) return null;
  const date = new Date(closeDate);
  return Number.isNaN(date.getTime()) ? null : monthKeyOf(date, timeZone);
}

/** One deal as a bucket of one: it counts, and adds its amount only when priced. */
export function dealGroupOf(deal: DealRecord, timeZone: string, span: MonthSpan | null = null): DealGroup {
  return {
    stage: deal.stage,
    currencyCode: normaliseCurrency(deal.currencyCode),
    closeMonth: withinSpan(monthOf(deal.closeDate, timeZone), span),
    count: 1,
    amountMicros: isPriced(deal.amountMicros) ? deal.amountMicros : 0n,
    amountCount: isPriced(deal.amountMicros) ? 1 : 0,
  };
}

/** Adds `g` into `into` (sign −1 takes it out). A priced count survives only where both know it. */
export function addToGroup(into: DealGroup, g: DealGroup, sign: 1 | -1 = 1): void {
  into.count += sign * g.count;
  into.amountMicros += BigInt(sign) * g.amountMicros;
  if (into.amountCount !== undefined && g.amountCount !== undefined) into.amountCount += sign * g.amountCount;
  else delete into.amountCount;
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

/** The list every strategy hands over: empty buckets dropped, in a stable order. */
export function settleGroups(groups: Iterable<DealGroup>): DealGroup[] {
  return [...groups].filter((g) => g.count !== 0 || g.amountMicros !== 0n).sort(compareGroups);
}

/** Adds groups with the same key together; drops empty ones; stable order. */
export function mergeGroups(groups: Iterable<DealGroup>): DealGroup[] {
  const byKey = new Map<string, DealGroup>();
  for (const g of groups) {
    const key = groupKeyOf(g);
    const seen = byKey.get(key);
    if (seen) addToGroup(seen, g);
    else byKey.set(key, { ...g });
  }
  return settleGroups(byKey.values());
}

/** Buckets records; a deal without an amount counts but adds nothing to the sum. */
export function groupDeals(deals: Iterable<DealRecord>, timeZone: string): DealGroup[] {
  return mergeGroups([...deals].map((deal) => dealGroupOf(deal, timeZone)));
}

/**
 * Months outside [first, last] become closeMonth null. The aggregate strategy only has month
 * detail inside the snapshot window, so this is how its groups compare with the others'.
 */
export function foldMonthsOutside(groups: Iterable<DealGroup>, first: MonthKey, last: MonthKey): DealGroup[] {
  const span = { first, last };
  return mergeGroups([...groups].map((g) => ({ ...g, closeMonth: withinSpan(g.closeMonth, span) })));
}

export function withoutAmountCount(groups: Iterable<DealGroup>): DealGroup[] {
  return [...groups].map((g) => ({ stage: g.stage, currencyCode: g.currencyCode, closeMonth: g.closeMonth, count: g.count, amountMicros: g.amountMicros }));
}
