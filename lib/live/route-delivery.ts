import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { DealKeyer } from '@/lib/pipeline/deal-key';
import type { TickerItem } from '@/lib/pipeline/types';
import type { Transition } from '@/lib/live/exact-update';
import type { DashboardFeed, IgnoredReason, OutrightRefresh } from '@/lib/live/feed';
import { matchesScope, type Match } from '@/lib/live/filter-match';
import type { RecordMemory } from '@/lib/live/record-memory';
import { stateOf, type RecordState } from '@/lib/live/record-state';
import { tickerItemFor } from '@/lib/live/ticker';
import type { WebhookEvent } from '@/lib/live/webhook/payload';
import { fetchedScopeOf } from '@/lib/twenty/deal-scope';

// Decides what one verified delivery means for each dashboard: nothing (another object, a
// metadata event, an older or repeated state), a refresh (a company a dashboard names changed;
// a hard delete, which may stand for many deals), and/or a transition to apply plus, where a
// viewer would see it, a ticker line.

export type Routed = {
  ignored: IgnoredReason | null;
  /** Dashboards to refresh outright (coalesced and budgeted by the scheduler), and why. */
  refresh: string[];
  refreshReason?: OutrightRefresh;
  /** Published Twenty dashboards to refresh (reason `board`): Twenty computes their figures. */
  boards?: string[];
  perDashboard: { feed: DashboardFeed; transition: Transition | null; tickerItem: TickerItem | null }[];
};

const nothing = (ignored: IgnoredReason): Routed => ({ ignored, refresh: [], perDashboard: [] });

/** A deleted deal's last live state: what its removal takes away from a dashboard. */
function asLive(state: RecordState): RecordState {
  return { ...state, deletedAt: null, destroyed: false };
}

/**
 * Published Twenty dashboards whose widgets read the event's object: Twenty computes their figures,
 * so a change refreshes them (each widget once per coalesced refresh); none is applied exactly.
 */
function boardsReading(objectName: string, feeds: readonly DashboardFeed[]): string[] {
  return feeds.filter((f) => (f.basis?.data.board?.objects ?? []).includes(objectName) || (!f.basis && f.loading > 0)).map((f) => f.slug);
}

export function routeDelivery(
  event: WebhookEvent,
  createdAt: string | null,
  memory: RecordMemory,
  allFeeds: Iterable<DashboardFeed>,
  dashboardOf: (slug: string) => DashboardConfig | undefined,
  now: Date,
  keyOf?: DealKeyer,
): Routed {
  const [boardFeeds, feeds] = partition([...allFeeds], (f) => dashboardOf(f.slug)?.twentyDashboard !== undefined);
  const routed = routePipelines(event, createdAt, memory, feeds, dashboardOf, now, keyOf);
  // Widgets on other objects follow the TTL; opportunity widgets follow every opportunity delivery
  // that says something new (a repeated or older state changes no figure Twenty computes).
  const stale = routed.ignored === 'duplicate' || routed.ignored === 'older' || routed.ignored === 'after_destroy';
  const boards = event.objectName === 'opportunity' && event.record && !stale ? boardsReading('opportunity', boardFeeds) : [];
  return boards.length === 0 ? routed : { ...routed, ignored: null, boards };
}

function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}

function routePipelines(
  event: WebhookEvent,
  createdAt: string | null,
  memory: RecordMemory,
  feeds: readonly DashboardFeed[],
  dashboardOf: (slug: string) => DashboardConfig | undefined,
  now: Date,
  keyOf?: DealKeyer,
): Routed {
  if (event.objectName === 'company') {
    // Only a company's name is shown (top deals), and a webhook cannot say which deals name it.
    const refresh = feeds.filter((f) => f.basis && dashboardOf(f.slug)?.fields.includes('company')).map((f) => f.slug);
    return refresh.length > 0 ? { ignored: null, refresh, perDashboard: [], refreshReason: 'company' } : nothing('irrelevant');
  }
  if (event.objectName !== 'opportunity' || !event.record) return nothing('irrelevant');
  // Twenty 2.21 sends ONE `destroyed` delivery for a bulk hard delete of any number of deals, naming
  // only the first: every dashboard with numbers is refreshed, whatever this delivery's record says.
  const destroyed = event.action === 'destroyed' ? feeds.filter((f) => f.basis || f.loading > 0).map((f) => f.slug) : [];
  const withRefresh = (routed: Routed): Routed => (destroyed.length > 0 ? { ...routed, refresh: destroyed, refreshReason: 'destroyed' } : routed);
  const next = stateOf(event.record, event.action, createdAt);
  const observed = memory.observe(next);
  if (observed.kind === 'ignored') return withRefresh(nothing(observed.reason));

  const transition: Transition = { action: event.action, next, updatedFields: event.updatedFields, ambiguous: observed.ambiguous, receivedAt: now.getTime() };
  const removal = event.action === 'deleted' || event.action === 'destroyed';
  const perDashboard: Routed['perDashboard'] = [];
  for (const feed of feeds) {
    const dashboard = dashboardOf(feed.slug);
    if (!dashboard) continue;
    let tickerItem: TickerItem | null = null;
    const data = feed.basis?.data;
    if (data) {
      const known = new Set(data.stageOptions.map((o) => o.value));
      const scope = fetchedScopeOf(dashboard, data, now);
      const before: Match = observed.previous ? matchesScope(observed.previous, scope, known) : 'unknown';
      const after = matchesScope(removal ? asLive(next) : next, scope, known);
      tickerItem = tickerItemFor({ action: event.action, previous: observed.previous, next, updatedFields: event.updatedFields, before, after }, dashboard, data.stageOptions, keyOf);
    }
    perDashboard.push({ feed, transition, tickerItem });
  }
  return withRefresh({ ignored: null, refresh: [], perDashboard });
}
