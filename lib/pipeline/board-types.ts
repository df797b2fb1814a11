// A published Twenty dashboard (a page layout of type DASHBOARD, a dashboard's `twentyDashboard`):
// its tabs and chart widgets with the figures Twenty's own chart-data queries computed. Pure types,
// shared by lib/twenty (reads them), the snapshot, the JSON and the browser.

export type WidgetKind = 'bar' | 'line' | 'pie' | 'number';

/**
 * One figure of a widget, exactly as Twenty computed it. `label` is what Twenty's chart shows on
 * the axis or slice (an option label, an owner's first name, a formatted date bucket); `series` is
 * the secondary axis' group (bar, line). Amounts are in currency units, as Twenty sums them.
 */
export type WidgetPoint = { label: string; value: number; series?: string };

/** Twenty's grid: 12 columns, rows of one unit, as the layout places the widget. */
export type GridPosition = { row: number; column: number; rowSpan: number; columnSpan: number };

/**
 * `ok`: Twenty answered; `not_shared`: the key's role may not read the widget's object (no figures
 * ever fetched or sent); `unavailable`: Twenty refused or failed this widget's query (the others
 * still show).
 */
export type WidgetState = 'ok' | 'not_shared' | 'unavailable';

/** How Twenty's widget configuration asks the chart to look (only what the wall draws). */
export type WidgetDisplay = {
  /** Bar charts: HORIZONTAL draws bars across. */
  layout?: 'vertical' | 'horizontal';
  /** Bar charts with a secondary axis. */
  groupMode?: 'stacked' | 'grouped';
  /** Line charts with several series. */
  stacked?: boolean;
  cumulative?: boolean;
  /** Twenty's colour name ("blue", "crimson"); the wall maps it onto its palette. */
  color?: string;
  showLegend?: boolean;
  showDataLabels?: boolean;
  xAxisLabel?: string;
  yAxisLabel?: string;
  /** Number widgets. */
  numberFormat?: 'short' | 'full';
  prefix?: string;
  suffix?: string;
  /** Pie charts: Twenty's centre figure (the slices' total). */
  showCenterMetric?: boolean;
  /** Fixed axis range from the configuration. */
  rangeMin?: number;
  rangeMax?: number;
};

export type PublishedWidget = {
  id: string;
  title: string;
  kind: WidgetKind;
  /** 1-based position of the widget's tab among the published tabs (`view=tab-N`). */
  tab: number;
  grid: GridPosition;
  state: WidgetState;
  /** Absent unless state is `ok`. In Twenty's order. */
  points?: WidgetPoint[];
  /** Twenty said more groups exist than it returned: the chart shows what Twenty gave. */
  hasTooManyGroups?: boolean;
  /** The figures are sums or averages of a currency field: in currency units, as computed by Twenty. */
  amount?: boolean;
  display?: WidgetDisplay;
  description?: string;
};

export type PublishedTab = { id: string; title: string; position: number };

/** What a published dashboard's snapshot carries besides `widgets`. */
export type PublishedBoard = { id: string; name: string; tabs: PublishedTab[] };

/**
 * What lib/twenty hands over for a `twentyDashboard`: the board and its widgets' figures, plus what
 * stays on the server: the layout's fingerprint (the metadata watch compares it) and the objects
 * its published widgets read (a webhook on one of them refreshes the board).
 */
export type BoardData = PublishedBoard & { widgets: PublishedWidget[]; fingerprint: string; objects: string[] };
