import { createHash } from 'node:crypto';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { GridPosition, PublishedTab, WidgetKind } from '@/lib/pipeline/board-types';
import { TwentyError } from '@/lib/twenty/errors';
import type { DashboardLayout, LayoutWidget, WidgetConfiguration } from '@/lib/twenty/board/layout-schema';

// Which layout a dashboard's `twentyDashboard` names and which of its widgets it publishes. Pure.
// - The layout: its id, or its exact name among the DASHBOARD layouts the key can read (not
//   deleted). Several with one name, or none, refuse the dashboard (named, with what exists).
// - Its tabs, in position order, become `tab-1`, `tab-2`… (deleted tabs left out).
// - Its GRAPH widgets with a chart configuration are published; every other kind (rich text,
//   iframe, record table, view…) is left out and said once. `widgets` (titles) narrows the list;
//   a title the layout does not have refuses the dashboard rather than showing less than asked.

export const KIND_OF_CONFIGURATION: Readonly<Record<string, WidgetKind>> = {
  BAR_CHART: 'bar',
  LINE_CHART: 'line',
  PIE_CHART: 'pie',
  AGGREGATE_CHART: 'number',
};

export type PlannedWidget = {
  id: string;
  title: string;
  kind: WidgetKind;
  tab: number;
  grid: GridPosition;
  objectMetadataId: string;
  configuration: WidgetConfiguration;
};

export type LeftOutWidget = { id: string; title: string; type: string; reason: 'not_a_chart' | 'not_selected' | 'no_object' };

export type BoardPlan = {
  layout: { id: string; name: string };
  tabs: PublishedTab[];
  widgets: PlannedWidget[];
  leftOut: LeftOutWidget[];
  /** Changes when anything published changes: tabs, titles, positions, configurations. */
  fingerprint: string;
};

/** The dashboard's refusal for a layout that cannot be published as asked. */
export class BoardRefusal extends TwentyError {
  constructor(slug: string, detail: string) {
    super('rejected', `dashboard ${slug}: twentyDashboard ${detail}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_GRID: GridPosition = { row: 0, column: 0, rowSpan: 4, columnSpan: 6 };

export function findLayout(layouts: readonly DashboardLayout[], dashboard: Pick<DashboardConfig, 'slug' | 'twentyDashboard'>): DashboardLayout {
  const ref = dashboard.twentyDashboard ?? '';
  const live = layouts.filter((l) => !l.deletedAt);
  const found = UUID.test(ref) ? live.filter((l) => l.id.toLowerCase() === ref.toLowerCase()) : live.filter((l) => l.name === ref);
  if (found.length > 1) throw new BoardRefusal(dashboard.slug, `"${ref}": ${found.length} dashboard layouts have this name (${found.map((l) => l.id).join(', ')}); name it by id`);
  const [layout] = found;
  if (!layout) {
    const names = live.map((l) => `"${l.name}"`).join(', ') || 'none';
    throw new BoardRefusal(dashboard.slug, `"${ref}": no dashboard layout the key can read has this ${UUID.test(ref) ? 'id (or it was deleted)' : 'name'} (layouts: ${names}; \`npm run check-twenty\` lists them with their widgets)`);
  }
  return layout;
}

function fingerprintOf(layout: DashboardLayout, tabs: readonly PublishedTab[], widgets: readonly PlannedWidget[]): string {
  const canonical = JSON.stringify([layout.id, layout.name, tabs, widgets]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function chartOf(widget: LayoutWidget): { kind: WidgetKind; configuration: WidgetConfiguration } | null {
  const configuration = widget.configuration;
  const kind = configuration?.configurationType === undefined ? undefined : KIND_OF_CONFIGURATION[configuration.configurationType];
  if (widget.type !== 'GRAPH' || !configuration || !kind) return null;
  const { __typename, ...rest } = configuration;
  return { kind, configuration: rest };
}

export function planBoard(layout: DashboardLayout, dashboard: Pick<DashboardConfig, 'slug' | 'widgets'>): BoardPlan {
  const liveTabs = (layout.tabs ?? []).filter((t) => !t.deletedAt).sort((a, b) => a.position - b.position);
  const tabs: PublishedTab[] = liveTabs.map((t) => ({ id: t.id, title: t.title, position: t.position }));
  const wanted = dashboard.widgets ? new Set(dashboard.widgets) : null;
  const widgets: PlannedWidget[] = [];
  const leftOut: LeftOutWidget[] = [];
  const titles = new Set<string>();
  liveTabs.forEach((tab, index) => {
    for (const widget of (tab.widgets ?? []).filter((w) => !w.deletedAt)) {
      titles.add(widget.title);
      const chart = chartOf(widget);
      const out = (reason: LeftOutWidget['reason']) => leftOut.push({ id: widget.id, title: widget.title, type: widget.type, reason });
      if (wanted && !wanted.has(widget.title)) out('not_selected');
      else if (!chart) out('not_a_chart');
      else if (!widget.objectMetadataId) out('no_object');
      else widgets.push({ id: widget.id, title: widget.title, kind: chart.kind, tab: index + 1, grid: widget.gridPosition ?? DEFAULT_GRID, objectMetadataId: widget.objectMetadataId, configuration: chart.configuration });
    }
  });
  const missing = wanted ? [...wanted].filter((title) => !titles.has(title)) : [];
  if (missing.length > 0) {
    throw new BoardRefusal(dashboard.slug, `"${layout.name}" has no widget titled ${missing.map((t) => `"${t}"`).join(', ')} (its widgets: ${[...titles].map((t) => `"${t}"`).join(', ') || 'none'})`);
  }
  return { layout: { id: layout.id, name: layout.name }, tabs, widgets, leftOut, fingerprint: fingerprintOf(layout, tabs, widgets) };
}
