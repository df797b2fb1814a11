// The one list of view names, shared by the dashboards file (TV slides), the URL contract
// (`view=`), the browser and the components. Pure: imports nothing, so browser code may use it.

/** Views a URL's `view=` or a TV slide can name, in the order a dashboard shows them. */
export const SELECTABLE_VIEWS = ['kpis', 'stages', 'funnel', 'timeline', 'deals', 'owners', 'trend'] as const;
export type SelectableView = (typeof SELECTABLE_VIEWS)[number];

/**
 * Every view a dashboard can render: the selectable ones plus the live ticker, which no URL names
 * (it belongs to the page, where it is shown by default).
 */
export const ALL_VIEWS = [...SELECTABLE_VIEWS, 'ticker'] as const;
export type ViewName = (typeof ALL_VIEWS)[number];
