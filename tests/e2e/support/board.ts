import type { Page } from '@playwright/test';

// A Twenty user's side of a published dashboard, over HTTP like Twenty's own UI: read the page
// layouts, make one (layout → tab → widget, as Twenty's UI makes it), and ask the workspace for
// each widget's figures with Twenty's own chart-data queries. The expected points are built here
// from those answers, independently of the app's code; the page's are read from its tables.

export type Point = { label: string; series: string; value: string };
export type Widget = { id: string; title: string; type: string; objectMetadataId: string | null; configuration: Record<string, unknown> | null };
export type Layout = { id: string; name: string; tabs: { id: string; title: string; position: number; widgets: Widget[] }[] };

const LAYOUTS = `{ getPageLayouts(pageLayoutType: DASHBOARD) { id name tabs { id title position widgets { id title type objectMetadataId configuration {
  ... on BarChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter groupMode layout isCumulative timezone firstDayOfTheWeek }
  ... on LineChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter isStacked isCumulative timezone firstDayOfTheWeek }
  ... on PieChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation groupByFieldMetadataId groupBySubFieldName dateGranularity orderBy manualSortOrder displayDataLabel showCenterMetric displayLegend hideEmptyCategory splitMultiValueFields description color filter timezone firstDayOfTheWeek }
  ... on AggregateChartConfiguration { configurationType aggregateFieldMetadataId aggregateOperation label filter }
} } } } }`;

export class TwentyUser {
  constructor(readonly url: string, readonly token: string) {}

  async metadata(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}/metadata`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`Twenty error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data ?? {};
  }

  async layout(name: string): Promise<Layout> {
    const layouts = (await this.metadata(LAYOUTS)).getPageLayouts as Layout[];
    const found = layouts.find((l) => l.name === name);
    if (!found) throw new Error(`no layout "${name}"`);
    return { ...found, tabs: [...found.tabs].sort((a, b) => a.position - b.position) };
  }

  /** The opportunity object's id and its fields by name (and the person object's, for a widget the app's key may not read). */
  async objects(): Promise<Map<string, { id: string; fields: Map<string, string> }>> {
    const data = await this.metadata('{ objects(paging: { first: 1000 }, filter: {}) { edges { node { id nameSingular fields(paging: { first: 1000 }, filter: {}) { edges { node { id name } } } } } } }');
    const edges = (data.objects as { edges: { node: { id: string; nameSingular: string; fields: { edges: { node: { id: string; name: string } }[] } } }[] }).edges;
    return new Map(edges.map(({ node }) => [node.nameSingular, { id: node.id, fields: new Map(node.fields.edges.map((f) => [f.node.name, f.node.id])) }]));
  }

  /** A dashboard made as Twenty's UI makes one: the layout, its tabs, then each widget. */
  async createLayout(name: string, tabs: { title: string; widgets: Omit<CreateWidget, 'pageLayoutTabId'>[] }[]): Promise<void> {
    const layout = (await this.metadata('mutation($i: CreatePageLayoutInput!) { createPageLayout(input: $i) { id } }', { i: { name, type: 'DASHBOARD' } })).createPageLayout as { id: string };
    for (const [position, tab] of tabs.entries()) {
      const created = (await this.metadata('mutation($i: CreatePageLayoutTabInput!) { createPageLayoutTab(input: $i) { id } }', { i: { title: tab.title, position, pageLayoutId: layout.id, layoutMode: 'GRID' } })).createPageLayoutTab as { id: string };
      for (const widget of tab.widgets) {
        await this.metadata('mutation($i: CreatePageLayoutWidgetInput!) { createPageLayoutWidget(input: $i) { id } }', { i: { ...widget, pageLayoutTabId: created.id } });
      }
    }
  }

  /** Twenty's own answer for a chart widget, mapped to the points a viewer should see. */
  async expectedPoints(widget: Widget): Promise<Point[]> {
    const config = widget.configuration ?? {};
    const input = { objectMetadataId: widget.objectMetadataId, configuration: config };
    const secondary = typeof config.secondaryAxisGroupByFieldMetadataId === 'string';
    if (config.configurationType === 'BAR_CHART') {
      const bar = (await this.metadata('query($i: BarChartDataInput!) { barChartData(input: $i) { data indexBy keys series { key label } } }', { i: input })).barChartData as { data: Record<string, unknown>[]; indexBy: string; keys: string[]; series: { key: string; label: string }[] };
      const labelOf = new Map(bar.series.map((s) => [s.key, s.label]));
      return bar.data.flatMap((row) => bar.keys.filter((k) => typeof row[k] === 'number').map((k) => ({ label: String(row[bar.indexBy]), series: secondary ? (labelOf.get(k) ?? k) : '', value: String(row[k]) })));
    }
    if (config.configurationType === 'LINE_CHART') {
      const line = (await this.metadata('query($i: LineChartDataInput!) { lineChartData(input: $i) { series { label data { x y } } } }', { i: input })).lineChartData as { series: { label: string; data: { x: string; y: number }[] }[] };
      return line.series.flatMap((s) => s.data.map((d) => ({ label: d.x, series: secondary ? s.label : '', value: String(d.y) })));
    }
    const pie = (await this.metadata('query($i: PieChartDataInput!) { pieChartData(input: $i) { data { key value } } }', { i: input })).pieChartData as { data: { key: string; value: number }[] };
    return pie.data.map((d) => ({ label: d.key, series: '', value: String(d.value) }));
  }
}

export type CreateWidget = { pageLayoutTabId: string; title: string; type: string; objectMetadataId?: string; gridPosition: { row: number; column: number; rowSpan: number; columnSpan: number }; configuration: Record<string, unknown> };

/** The figures a widget shows, as its table on the page holds them (Twenty's raw values). */
export async function pointsOnPage(page: Page, widgetId: string): Promise<Point[]> {
  return page.locator(`[data-testid="widget-${widgetId}"] [data-testid="widget-point"]`).evaluateAll((rows) =>
    rows.map((row) => ({ label: row.getAttribute('data-label') ?? '', series: row.getAttribute('data-series') ?? '', value: row.getAttribute('data-value') ?? '' })),
  );
}
