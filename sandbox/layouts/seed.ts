// The demo workspace's dashboard: one DASHBOARD layout, "Sales Dashboard", as Twenty's UI would
// make it, on Twenty's 12-column grid (positions like the dev seed's, q3-getPageLayouts-DASHBOARD):
// tab "Overview" with a bar chart of amount by stage, a line chart of amount by close month, a pie
// of deals by stage and an aggregate number ("Open pipeline", a widget filter on stage), and tab
// "Owners" with "Opportunities by Owner" configured as the captured seed widget. Ids come from
// the workspace's seed, so a seed always makes the same layout. A core `dashboard` record of the
// same title shows it (the records the read-only key is refused).
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import { storedConfiguration } from '@/sandbox/layouts/configuration';
import type { LayoutStore } from '@/sandbox/layouts/store';
import type { GridPosition, PageLayoutTabRecord, WidgetConfiguration } from '@/sandbox/layouts/types';
import { randomUuid, seededRandom } from '@/sandbox/records/random';

/** Twenty's standard application (seeded records) and the workspace's own (what users make), as in q3. */
export const STANDARD_APPLICATION_ID = '26f971f8-2fec-4ccc-8796-f8d2938bf697';
export const WORKSPACE_APPLICATION_ID = '22c7f193-d4d6-42ed-9a21-a2bc8cf9ee65';
export const SALES_DASHBOARD = 'Sales Dashboard';
const OPEN_STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'];

export function seedLayouts(store: LayoutStore, metadata: WorkspaceMetadata, seed: number, createdAt: Date): void {
  const random = seededRandom(seed ^ 0x1a70_5eed);
  const id = () => randomUuid(random);
  const at = createdAt.toISOString();
  const stamps = { createdAt: at, updatedAt: at, deletedAt: null };
  const opportunity = metadata.object('opportunity');
  const field = (name: string) => opportunity.fields.find((f) => f.name === name)?.id ?? '';
  const layoutId = id();
  const system = { source: 'MANUAL', workspaceMemberId: null, name: 'System' };
  store.dashboards.push({ id: id(), title: SALES_DASHBOARD, position: 0, pageLayoutId: layoutId, createdBy: system, updatedBy: system, createdAt: createdAt.getTime(), updatedAt: createdAt.getTime(), deletedAt: null });
  store.put(store.layouts, { id: layoutId, name: SALES_DASHBOARD, type: 'DASHBOARD', objectMetadataId: null, defaultTabToFocusOnMobileAndSidePanelId: null, universalIdentifier: layoutId, ...stamps });
  const tab = (title: string, position: number): PageLayoutTabRecord =>
    store.put(store.tabs, { id: id(), applicationId: STANDARD_APPLICATION_ID, title, position, pageLayoutId: layoutId, icon: null, layoutMode: 'GRID', isActive: true, isOverridden: false, ...stamps });
  const widget = (tabId: string, title: string, grid: GridPosition, configuration: WidgetConfiguration) =>
    store.put(store.widgets, {
      id: id(), applicationId: STANDARD_APPLICATION_ID, pageLayoutTabId: tabId, title, type: 'GRAPH', objectMetadataId: opportunity.id,
      gridPosition: grid, position: { layoutMode: 'GRID', ...grid }, configuration: storedConfiguration(configuration),
      conditionalDisplay: null, conditionalAvailabilityExpression: null, isActive: true, isOverridden: false, ...stamps,
    });
  const grid = (row: number, column: number, rowSpan: number, columnSpan: number): GridPosition => ({ row, column, rowSpan, columnSpan });
  const sumAmount = { aggregateFieldMetadataId: field('amount'), aggregateOperation: 'SUM' };
  const countAll = { aggregateFieldMetadataId: field('id'), aggregateOperation: 'COUNT' };

  const overview = tab('Overview', 0);
  widget(overview.id, 'Pipeline by Stage', grid(0, 0, 6, 6), {
    configurationType: 'BAR_CHART', ...sumAmount, primaryAxisGroupByFieldMetadataId: field('stage'), primaryAxisOrderBy: 'FIELD_POSITION_ASC',
    layout: 'VERTICAL', displayDataLabel: true, color: 'green',
  });
  widget(overview.id, 'Amount by Close Month', grid(0, 6, 6, 6), {
    configurationType: 'LINE_CHART', ...sumAmount, primaryAxisGroupByFieldMetadataId: field('closeDate'), primaryAxisDateGranularity: 'MONTH',
    primaryAxisOrderBy: 'FIELD_ASC', isCumulative: false, color: 'crimson',
  });
  widget(overview.id, 'Deals by Stage', grid(6, 0, 6, 6), {
    configurationType: 'PIE_CHART', ...countAll, groupByFieldMetadataId: field('stage'), orderBy: 'FIELD_POSITION_ASC', displayDataLabel: true, color: 'blue',
  });
  const group = id();
  widget(overview.id, 'Open pipeline', grid(6, 6, 2, 3), {
    configurationType: 'AGGREGATE_CHART', ...sumAmount, label: 'Open pipeline', displayDataLabel: true,
    filter: {
      recordFilters: [{
        id: id(), fieldMetadataId: field('stage'), type: 'SELECT', label: 'Stage', operand: 'IS', value: JSON.stringify(OPEN_STAGES),
        displayValue: 'New, Screening, Meeting, Proposal', recordFilterGroupId: group,
      }],
      recordFilterGroups: [{ id: group, logicalOperator: 'AND' }],
    },
  });

  const owners = tab('Owners', 1);
  const byOwner = { GroupByFieldMetadataId: field('owner'), GroupBySubFieldName: 'name.firstName' };
  widget(owners.id, 'Opportunities by Owner', grid(0, 0, 6, 6), {
    configurationType: 'BAR_CHART', ...countAll,
    primaryAxisGroupByFieldMetadataId: byOwner.GroupByFieldMetadataId, primaryAxisGroupBySubFieldName: byOwner.GroupBySubFieldName,
    primaryAxisDateGranularity: 'DAY', primaryAxisOrderBy: 'FIELD_ASC', primaryAxisManualSortOrder: null,
    secondaryAxisGroupByFieldMetadataId: byOwner.GroupByFieldMetadataId, secondaryAxisGroupBySubFieldName: byOwner.GroupBySubFieldName,
    secondaryAxisGroupByDateGranularity: 'DAY', secondaryAxisOrderBy: 'FIELD_ASC', secondaryAxisManualSortOrder: null,
    omitNullValues: null, splitMultiValueFields: true, axisNameDisplay: 'NONE', displayDataLabel: false, displayLegend: true,
    rangeMin: null, rangeMax: null, description: null, color: 'blue', filter: null, groupMode: null, layout: 'HORIZONTAL',
    isCumulative: false, timezone: 'UTC', firstDayOfTheWeek: 0,
  });
}
