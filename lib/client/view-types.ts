/** How fresh the numbers on screen are, as the viewer's browser sees it. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline' | 'polling';

/** What the badge shows: a connection state, or the first attempt before anything was lost. */
export type BadgeState = ConnectionState | 'connecting';

/** The views a dashboard can show; embeds and TV pick a subset. */
export type ViewName = 'kpis' | 'stages' | 'funnel' | 'timeline' | 'deals' | 'ticker';

export type DashboardVariant = 'page' | 'embed' | 'tv';

export const ALL_VIEWS: readonly ViewName[] = ['kpis', 'stages', 'funnel', 'timeline', 'deals', 'ticker'];

/**
 * The views shown when the URL names none. The ticker belongs to the page; an embed shows it
 * only when asked, so a host page's iframe does not grow a feed it never wanted.
 */
export function defaultViews(variant: DashboardVariant): ViewName[] {
  return variant === 'page' ? [...ALL_VIEWS] : ALL_VIEWS.filter((view) => view !== 'ticker');
}
