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

/**
 * A published Twenty dashboard's tabs are named by position in `view=`: `tab-1,tab-2…` (1-based,
 * in the layout's tab order). Pipeline views and tabs never mix in one list.
 */
export const TAB_VIEW_PATTERN = /^tab-([1-9]\d?)$/;

/** The tab number a `tab-N` names, or undefined for anything else. */
export function tabNumberOf(view: string): number | undefined {
  const match = TAB_VIEW_PATTERN.exec(view);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
