import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { divideHalfAwayFromZero } from '@/lib/pipeline/money/exact';
import type { Conversion } from '@/lib/pipeline/money/totals';
import { convertibleDealCount, totalOf } from '@/lib/pipeline/group-totals';
import type { StageCatalog } from '@/lib/pipeline/stage-catalog';
import { goalProgress } from '@/lib/pipeline/goal';
import { winRateOf } from '@/lib/pipeline/win-rate';
import type { DealGroup, Kpis, MoneyTotal } from '@/lib/pipeline/types';
import { monthKeyOf, periodMonths } from '@/lib/pipeline/zoned';

export function computeKpis(
  groups: DealGroup[],
  catalog: StageCatalog,
  conversion: Conversion,
  dashboard: Pick<DashboardConfig, 'period' | 'timeZone' | 'goal' | 'lostStages'>,
  now: Date,
): Kpis {
  const open = groups.filter((g) => catalog.kindOf(g.stage) === 'open');
  const won = groups.filter((g) => catalog.kindOf(g.stage) === 'won');
  const inMonths = (months: string[]) => {
    const set = new Set(months);
    return (g: DealGroup) => g.closeMonth !== null && set.has(g.closeMonth);
  };
  const thisMonth = monthKeyOf(now, dashboard.timeZone);
  // Won, lost and the goal's open pipeline all read "closes in a month of this period".
  const thisPeriod = inMonths(periodMonths(now, dashboard.timeZone, dashboard.period));
  const wonThisPeriod = totalOf(won.filter(thisPeriod), conversion);
  const lostThisPeriod = totalOf(groups.filter((g) => catalog.kindOf(g.stage) === 'lost' && thisPeriod(g)), conversion);

  const openTotal = totalOf(open, conversion);
  const { count: openCount, ...openValue } = openTotal;
  return {
    openValue,
    openCount,
    averageDeal: averageOf(openValue, convertibleDealCount(open, conversion)),
    wonThisPeriod,
    wonPreviousPeriod: totalOf(won.filter(inMonths(periodMonths(now, dashboard.timeZone, dashboard.period, -1))), conversion),
    closingThisMonth: totalOf(open.filter(inMonths([thisMonth])), conversion),
    period: dashboard.period,
    goal: dashboard.goal ? goalProgress(dashboard.goal, wonThisPeriod, totalOf(open.filter(thisPeriod), conversion)) : null,
    winRate: winRateOf(wonThisPeriod.count, lostThisPeriod.count, dashboard.lostStages.length > 0),
  };
}

/**
 * Only the display-currency part is averaged: unconvertible currencies have no common unit, so
 * `other` stays empty rather than mixing them in.
 */
function averageOf(value: MoneyTotal, pricedDeals: number): MoneyTotal | null {
  if (pricedDeals === 0) return null;
  const average = divideHalfAwayFromZero(BigInt(value.amountMicros), BigInt(pricedDeals));
  return { currency: value.currency, amountMicros: average.toString(), converted: value.converted, other: [] };
}
