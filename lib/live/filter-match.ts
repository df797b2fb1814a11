import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { isLive, type RecordState } from '@/lib/live/record-state';
import { weekKeyOf } from '@/lib/pipeline/weeks';
import { snapshotMonthWindow } from '@/lib/pipeline/zoned';
import { dealScopeOf, inScope, type DealScope, type ScopeMatch } from '@/lib/twenty/deal-scope';
import { topDealCandidate } from '@/lib/twenty/top-deals';

// A webhook record against a dashboard's scope. The rules are lib/twenty's (deal-scope.ts, the
// same description the fetch sends as its filter); what is added here is only what a delivery
// knows and a fetch does not: a destroyed record. 'unknown' whenever the record cannot decide
// it, and the caller then refreshes instead of guessing.

export type Match = ScopeMatch;

/**
 * Everything time-dependent a fetch baked into its data: the resolved close-date window, the
 * month window the aggregate strategy details and, for a dashboard with the trend, the current
 * week (its 12 weeks move with it). When it differs between the fetch and now, the data cannot be
 * adjusted exactly.
 */
export function timeFrameOf(dashboard: DashboardConfig, now: Date): string {
  const range = dealScopeOf(dashboard, now).closeDate;
  const months = snapshotMonthWindow(now, dashboard.timeZone, dashboard.period);
  const week = dashboard.trend ? weekKeyOf(now, dashboard.timeZone, dashboard.weekStart) : null;
  return JSON.stringify([range?.from?.toISOString() ?? null, range?.to?.toISOString() ?? null, months.first, months.last, week]);
}

/** In the scope's totals? `knownStages`: stage values the fetch used (metadata options). */
export function matchesScope(state: RecordState | undefined, scope: DealScope, knownStages: ReadonlySet<string>): Match {
  return isLive(state) ? inScope(scope, state, knownStages) : false;
}

/** A candidate for the top-deals list: in the filter and in an open stage. */
export function qualifiesAsOpen(match: Match, state: RecordState | undefined, dashboard: DashboardConfig): Match {
  return state ? topDealCandidate(match, state.stage, dashboard) : match;
}
