/** How fresh the numbers on screen are, as the viewer's browser sees it. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline' | 'polling';

/** The views a dashboard can show; embeds and TV pick a subset. */
export type ViewName = 'kpis' | 'stages' | 'funnel' | 'timeline' | 'deals';

export type DashboardVariant = 'page' | 'embed' | 'tv';

export const ALL_VIEWS: readonly ViewName[] = ['kpis', 'stages', 'funnel', 'timeline', 'deals'];
