import type { DealGroup } from '@/lib/pipeline/types';
import { addMonths, snapshotMonthWindow, startOfMonth, type MonthKey } from '@/lib/pipeline/zoned';
import { currencyFilter, fetchTotals, fillPricedCounts, type AliasState, type CurrencyClass, type Total } from '@/lib/twenty/aggregate-queries';
import { configuredCurrencies } from '@/lib/twenty/currency-classes';
import { closeDateWithin, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { foldMonthsOutside, groupDeals, mergeGroups } from '@/lib/twenty/group-deals';
import { pageAllDeals } from '@/lib/twenty/pager';
import { discoverCurrencies, restClass } from '@/lib/twenty/currency-discovery';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';

// Strategy 2, for servers without groupBy (v0.55): stage × currency totals as aggregates, month
// detail only inside the snapshot window (lib/pipeline/zoned snapshotMonthWindow), and each total's
// remainder as closeMonth null — so here closeMonth null means "no close date, or outside the
// window". Month detail comes from paging the deals closing in the window, or, when that would
// take more calls than it saves, from one aggregate per stage × currency × local month.
// Currencies that are neither the display currency nor rated are discovered first (a page of
// the "rest" names them, see currency-discovery.ts); what a rest total still finds is paged.

export type MonthDetail = 'auto' | 'paging' | 'aggregates';

export function currencyClasses(display: string, rates: Record<string, string>, discovered: readonly string[] = []): CurrencyClass[] {
  const codes = [...new Set([display, ...Object.keys(rates), ...discovered])].sort();
  return [...codes.map((code): CurrencyClass => ({ kind: 'code', code })), { kind: 'none' }];
}

function inClass(currencyCode: string | null, c: CurrencyClass): boolean {
  if (c.kind === 'code') return currencyCode === c.code;
  if (c.kind === 'none') return currencyCode === null;
  return currencyCode !== null && !c.known.includes(currencyCode);
}

function toGroup(stage: string, c: CurrencyClass, closeMonth: string | null, total: Total): DealGroup {
  const group: DealGroup = { stage, currencyCode: c.kind === 'code' ? c.code : null, closeMonth, count: total.count, amountMicros: total.amountMicros };
  if (total.amountCount !== undefined) group.amountCount = total.amountCount;
  return group;
}

function remainder(ctx: StrategyContext, stage: string, c: CurrencyClass, total: Total, windowGroups: DealGroup[]): DealGroup | null {
  const inside = windowGroups.filter((g) => g.stage === stage && inClass(g.currencyCode, c));
  const count = total.count - inside.reduce((n, g) => n + g.count, 0);
  if (count < 0) {
    // The data moved between the requests; the next refresh repairs it.
    ctx.log({ level: 'warn', event: 'twenty.aggregate_drift', stage, count });
    return null;
  }
  const rest: Total = { count, amountMicros: total.amountMicros - inside.reduce((n, g) => n + g.amountMicros, 0n) };
  if (total.amountCount !== undefined && inside.every((g) => g.amountCount !== undefined)) {
    rest.amountCount = total.amountCount - inside.reduce((n, g) => n + (g.amountCount ?? 0), 0);
  }
  return toGroup(stage, c, null, rest);
}

function monthsOf(first: MonthKey, last: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

export async function fetchWithAggregates(ctx: StrategyContext, aliases: AliasState, monthDetail: MonthDetail = 'auto'): Promise<StrategyResult> {
  const { dashboard, transport, log } = ctx;
  const tz = dashboard.timeZone;
  const configured = configuredCurrencies(dashboard);
  const classes = currencyClasses(dashboard.currency, dashboard.rates, await discoverCurrencies(ctx, configured));
  const rest = restClass(classes.flatMap((c) => (c.kind === 'code' ? [c.code] : [])));
  const window = snapshotMonthWindow(ctx.now, tz, dashboard.period);
  const cells = ctx.stages.flatMap((stage) => classes.map((c) => ({ stage, c })));
  const cellParts = cells.map(({ stage, c }) => [...ctx.filterParts, stageIn([stage]), currencyFilter(c)]);
  const restFilter = toFilterInput([...ctx.filterParts, currencyFilter(rest)]);
  const windowFilter = toFilterInput([...ctx.filterParts, closeDateWithin(window.range)]);
  const totalsOptions = { transport, withAverage: ctx.caps.connectionFields.includes('avgAmountAmountMicros'), aliases, log };
  const totals = await fetchTotals({ ...totalsOptions, filters: [...cellParts.map(toFilterInput), restFilter, windowFilter] });
  await fillPricedCounts(totalsOptions, totals, cellParts);
  const restCount = totals[cells.length]?.count ?? 0;
  const windowCount = totals[cells.length + 1]?.count ?? 0;

  const months = monthsOf(window.first, window.last);
  const pages = Math.ceil(windowCount / ctx.caps.pageSize);
  const monthCells = cells.length * months.length;
  const via = monthDetail === 'auto' ? (pages <= monthCells ? 'paging' : 'aggregates') : monthDetail;
  log({ level: 'info', event: 'twenty.month_detail', via, windowDeals: windowCount, pages, monthCells });

  let windowGroups: DealGroup[];
  if (via === 'paging') {
    const purpose = `deals closing ${window.first}…${window.last}`;
    windowGroups = groupDeals(await pageAllDeals({ transport, filter: windowFilter, pageSize: ctx.caps.pageSize, log, budget: ctx.budget, purpose }), tz);
  } else {
    const monthly = cells.flatMap(({ stage, c }) => months.map((month) => ({ stage, c, month })));
    const ranges = (month: MonthKey) => ({ from: startOfMonth(month, tz), to: startOfMonth(addMonths(month, 1), tz) });
    const monthParts = monthly.map(({ stage, c, month }) => [...ctx.filterParts, stageIn([stage]), currencyFilter(c), closeDateWithin(ranges(month))]);
    const monthTotals = await fetchTotals({ ...totalsOptions, filters: monthParts.map(toFilterInput) });
    await fillPricedCounts(totalsOptions, monthTotals, monthParts);
    windowGroups = monthly.flatMap(({ stage, c, month }, i) => {
      const total = monthTotals[i];
      return total && total.count > 0 ? [toGroup(stage, c, month, total)] : [];
    });
  }

  const restGroups =
    restCount > 0
      ? groupDeals(await pageAllDeals({ transport, filter: restFilter, pageSize: ctx.caps.pageSize, log, budget: ctx.budget, purpose: 'deals in other currencies' }), tz)
      : [];
  const remainders = cells.flatMap(({ stage, c }, i) => {
    const total = totals[i];
    const group = total ? remainder(ctx, stage, c, total, windowGroups) : null;
    return group ? [group] : [];
  });
  const knownCurrencyWindowGroups = windowGroups.filter((g) => !inClass(g.currencyCode, rest));
  return {
    groups: mergeGroups([...knownCurrencyWindowGroups, ...remainders, ...foldMonthsOutside(restGroups, window.first, window.last)]),
    topDeals: null,
  };
}
