// Page layouts as Twenty 2.21 keeps them on /metadata (views-dashboards/q3-*): a layout, its tabs,
// and the tabs' widgets with their JSON configuration. Timestamps are ISO strings, as answered.

export const PAGE_LAYOUT_TYPES = ['RECORD_INDEX', 'RECORD_PAGE', 'DASHBOARD', 'STANDALONE_PAGE'] as const;
export const TAB_LAYOUT_MODES = ['GRID', 'VERTICAL_LIST', 'CANVAS'] as const;

export type PageLayoutType = (typeof PAGE_LAYOUT_TYPES)[number];
export type TabLayoutMode = (typeof TAB_LAYOUT_MODES)[number];

type Stamps = { createdAt: string; updatedAt: string; deletedAt: string | null };

export type PageLayoutRecord = Stamps & {
  id: string;
  name: string;
  type: PageLayoutType;
  objectMetadataId: string | null;
  defaultTabToFocusOnMobileAndSidePanelId: string | null;
  universalIdentifier: string;
};

export type PageLayoutTabRecord = Stamps & {
  id: string;
  applicationId: string;
  title: string;
  position: number;
  pageLayoutId: string;
  icon: string | null;
  layoutMode: TabLayoutMode;
  isActive: boolean;
  isOverridden: boolean;
};

export type GridPosition = { row: number; column: number; rowSpan: number; columnSpan: number };
/** The `position` union: grid, vertical list or canvas, told apart by `layoutMode`. */
export type WidgetPosition = Record<string, unknown> & { layoutMode: TabLayoutMode };
/** A widget's configuration is JSON with a `configurationType` (BAR_CHART, AGGREGATE_CHART, …). */
export type WidgetConfiguration = Record<string, unknown> & { configurationType: string };

export type PageLayoutWidgetRecord = Stamps & {
  id: string;
  applicationId: string;
  pageLayoutTabId: string;
  title: string;
  type: string;
  objectMetadataId: string | null;
  gridPosition: GridPosition;
  position: WidgetPosition | null;
  configuration: WidgetConfiguration;
  conditionalDisplay: unknown;
  conditionalAvailabilityExpression: string | null;
  isActive: boolean;
  isOverridden: boolean;
};
