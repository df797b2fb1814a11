import type { DealGroup } from '@/lib/pipeline/types';
import { snapshotMonthWindow } from '@/lib/time/zoned';
import { currencyFilter, fetchTotals, type AliasState, type CurrencyClass, type Total } from '@/lib/twenty/aggregate-queries';
import { closeDateWithin, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { groupDeals, mergeGroups } from '@/lib/twenty/group-deals';
import { pageAllDeals } from '@/lib/twenty/pager';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';

// Strategy 2, for servers without groupBy (v0.55): per stage × currency totals as aggregates,
// month detail only inside the snapshot window (lib/time/zoned snapshotMonthWindow) by paging the
// deals that close in it, and each total's remainder as closeMonth null. So here closeMonth null
// means "no close date, or outside the window". Currencies with no rate and not the display
// currency are found by one "rest" total and, if it is not zero, by paging just those deals.

export function currencyClasses(display: string, rates: Record<string, string>): CurrencyClass[] {
  const codes = [...new Set([display, ...Object.keys(rates)])].sort();
  return [...codes.map((code): CurrencyClass => ({ kind: 'code', code })), { kind: 'none' }];
}

function inClass(currencyCode: string | null, c: CurrencyClass): boolean {
  if (c.kind === 'code') return currencyCode === c.code;
  if (c.kind === 'none') return currencyCode === null;
  return currencyCode !== null && !c.known.includes(currencyCode);
}

function remainder(ctx: StrategyContext, stage: string, c: CurrencyClass, total: Total, windowGroups: DealGroup[]): DealGroup | null {
  const inside = windowGroups.filter((g) => g.stage === stage && inClass(g.currencyCode, c));
  const count = total.count - inside.reduce((n, g) => n + g.count, 0);
  const amountMicros = total.amountMicros - inside.reduce((n, g) => n + g.amountMicros, 0n);
  if (count < 0) {
    // The data moved between the requests; the next refresh repairs it.
    ctx.log({ level: 'warn', event: 'twenty.aggregate_drift', stage, count });
    return null;
  }
  const group: DealGroup = { stage, currencyCode: c.kind === 'code' ? c.code : null, closeMonth: null, count, amountMicros };
  if (total.amountCount !== undefined && inside.every((g) => g.amountCount !== undefined)) {
    group.amountCount = total.amountCount - inside.reduce((n, g) => n + (g.amountCount ?? 0), 0);
  }
  return group;
}

export async function fetchWithAggregates(ctx: StrategyContext, aliases: AliasState): Promise<StrategyResult> {
  const { dashboard, transport, log } = ctx;
  const classes = currencyClasses(dashboard.currency, dashboard.rates);
  const rest: CurrencyClass = { kind: 'rest', known: classes.flatMap((c) => (c.kind === 'code' ? [c.code] : [])) };
  const cells = ctx.stages.flatMap((stage) => classes.map((c) => ({ stage, c })));
  const filters = [
    ...cells.map(({ stage, c }) => toFilterInput([...ctx.filterParts, stageIn([stage]), currencyFilter(c)])),
    toFilterInput([...ctx.filterParts, currencyFilter(rest)]),
  ];
  const withAmountCount = ctx.caps.connectionFields.includes('countNotEmptyAmount');
  const totals = await fetchTotals({ transport, filters, withAmountCount, aliases, log });

  const window = snapshotMonthWindow(ctx.now, dashboard.timeZone, dashboard.period);
  const pageSize = ctx.caps.pageSize;
  const windowDeals = await pageAllDeals({
    transport,
    filter: toFilterInput([...ctx.filterParts, closeDateWithin(window.range)]),
    pageSize,
    log,
    budget: ctx.budget,
    purpose: `deals closing ${window.first}…${window.last}`,
  });
  const windowGroups = groupDeals(windowDeals, dashboard.timeZone);

  const restTotal = totals[cells.length];
  const restGroups =
    restTotal && restTotal.count > 0
      ? groupDeals(
          await pageAllDeals({ transport, filter: filters[cells.length] ?? {}, pageSize, log, budget: ctx.budget, purpose: 'deals in other currencies' }),
          dashboard.timeZone,
        )
      : [];

  const remainders = cells.flatMap(({ stage, c }, i) => {
    const total = totals[i];
    const group = total ? remainder(ctx, stage, c, total, windowGroups) : null;
    return group ? [group] : [];
  });
  const knownCurrencyWindowGroups = windowGroups.filter((g) => !inClass(g.currencyCode, rest));
  return { groups: mergeGroups([...knownCurrencyWindowGroups, ...remainders, ...restGroups]), topDeals: null };
}
