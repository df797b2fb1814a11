import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Conversion } from '@/lib/pipeline/money/totals';
import { totalOf } from '@/lib/pipeline/group-totals';
import type { StageCatalog } from '@/lib/pipeline/stage-catalog';
import type { DealGroup, TimelinePoint } from '@/lib/pipeline/types';
import { addMonths, monthKeyOf, snapshotMonthWindow } from '@/lib/pipeline/zoned';

/**
 * Open amount and count by expected close month, from the current month to the window's last
 * month (twelve points), zero-filled. Deals without a close date have no month and are left off.
 */
export function buildTimeline(
  groups: DealGroup[],
  catalog: StageCatalog,
  conversion: Conversion,
  dashboard: Pick<DashboardConfig, 'period' | 'timeZone'>,
  now: Date,
): TimelinePoint[] {
  const byMonth = new Map<string, DealGroup[]>();
  for (const group of groups) {
    if (group.closeMonth === null || catalog.kindOf(group.stage) !== 'open') continue;
    const list = byMonth.get(group.closeMonth) ?? [];
    list.push(group);
    byMonth.set(group.closeMonth, list);
  }
  const { last } = snapshotMonthWindow(now, dashboard.timeZone, dashboard.period);
  const points: TimelinePoint[] = [];
  for (let month = monthKeyOf(now, dashboard.timeZone); month <= last; month = addMonths(month, 1)) {
    points.push({ month, ...totalOf(byMonth.get(month) ?? [], conversion) });
  }
  return points;
}
