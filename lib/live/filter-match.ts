import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { isLive, timeOf, type RecordState } from '@/lib/live/record-state';
import { resolveAbsoluteWindow, resolveRelativeWindow, snapshotMonthWindow } from '@/lib/pipeline/zoned';

// The dashboard's locked filter evaluated on one record, as Twenty evaluates it upstream
// (lib/twenty/filters.ts): stage `in`, closeDate gte/lt (null never matches), amountMicros gte
// (null never matches), soft-deleted rows excluded. 'unknown' whenever a webhook record cannot
// decide it, and the caller then refreshes instead of guessing.

export type Match = boolean | 'unknown';

function closeDateRange(dashboard: DashboardConfig, now: Date): { from?: Date; to?: Date } | null {
  const window = dashboard.filter.closeDate;
  if (!window) return null;
  return 'relative' in window ? resolveRelativeWindow(window.relative, now, dashboard.timeZone) : resolveAbsoluteWindow(window, dashboard.timeZone);
}

/**
 * Everything time-dependent a fetch baked into its data: the resolved close-date window and the
 * month window the aggregate strategy details. When it differs between the fetch and now, the
 * data cannot be adjusted exactly.
 */
export function timeFrameOf(dashboard: DashboardConfig, now: Date): string {
  const range = closeDateRange(dashboard, now);
  const months = snapshotMonthWindow(now, dashboard.timeZone, dashboard.period);
  return JSON.stringify([range?.from?.toISOString() ?? null, range?.to?.toISOString() ?? null, months.first, months.last]);
}

/** In the dashboard's totals? `knownStages`: stage values the fetch used (metadata options). */
export function matchesFilter(state: RecordState | undefined, dashboard: DashboardConfig, now: Date, knownStages: ReadonlySet<string>): Match {
  if (!isLive(state)) return false;
  const { filter } = dashboard;
  // A webhook record has no owner; the owner filter cannot be evaluated here.
  if (filter.ownerIds) return 'unknown';
  if (filter.stages && !filter.stages.includes(state.stage)) return false;
  // Upstream only counts stages it knows (filters.ts checkStages; aggregate totals per known stage).
  if (!knownStages.has(state.stage)) return 'unknown';
  const range = closeDateRange(dashboard, now);
  if (range) {
    if (state.closeDate === null) return false;
    const at = timeOf(state.closeDate);
    if (Number.isNaN(at)) return 'unknown';
    if (range.from && at < range.from.getTime()) return false;
    if (range.to && at >= range.to.getTime()) return false;
  }
  if (filter.minAmountMicros !== undefined) {
    if (state.amountMicros === null || state.amountMicros < BigInt(filter.minAmountMicros)) return false;
  }
  return true;
}

/** A candidate for the top-deals list: in the filter and in an open stage. */
export function qualifiesAsOpen(match: Match, state: RecordState | undefined, dashboard: DashboardConfig): Match {
  if (match !== true || !state) return match;
  return !dashboard.wonStages.includes(state.stage) && !dashboard.lostStages.includes(state.stage);
}
