import { ALL_VIEWS, type ViewName } from '@/lib/config/views';

/** How fresh the numbers on screen are, as the viewer's browser sees it. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline' | 'polling';

/** What the badge shows: a connection state, or the first attempt before anything was lost. */
export type BadgeState = ConnectionState | 'connecting';

export type DashboardVariant = 'page' | 'embed' | 'tv';

/**
 * The views shown when the URL names none. The ticker belongs to the page; no URL can name it, so
 * a host page's iframe never grows a feed it did not ask for.
 */
export function defaultViews(variant: DashboardVariant): ViewName[] {
  return variant === 'page' ? [...ALL_VIEWS] : ALL_VIEWS.filter((view) => view !== 'ticker');
}
