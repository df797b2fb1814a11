// The demo workspace's saved opportunity views: Twenty's two seed views as captured ("All
// Opportunities", a table with six fields, amount averaged and close date minimum; "By Stage", a
// kanban summing amounts with one group per stage), and two views a sales team would save, each
// in one of the captured value encodings: "Big deals" (stage IS [PROPOSAL, CUSTOMER] as a
// JSON-encoded string AND amount ≥ 100,000 units as a string) and "New or huge" (an OR group:
// stage IS [NEW] as a native array, OR amount ≥ 250,000 as a number). The 14-field record-page
// view ("Opportunity Record Page Fields") is not seeded: no dashboard reads a FIELDS_WIDGET view.
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import { randomUuid, seededRandom } from '@/sandbox/records/random';
import type { ViewStore } from '@/sandbox/views/store';
import type { ViewFilterRecord, ViewRecord } from '@/sandbox/views/types';

/** The user session's userWorkspace (Twenty's dev-seed id, as views-dashboards/q1-createView-A answers it). */
export const USER_WORKSPACE_ID = '20202020-9e3b-46d4-a556-88b9ddc2b035';

type ViewInput = Pick<ViewRecord, 'name' | 'type' | 'icon' | 'position'> & Partial<ViewRecord>;

/** A view as createView makes it (q1-createView-A), unless `input` says otherwise. */
export function newView(store: ViewStore, input: ViewInput & { objectMetadataId: string }, at: string): ViewRecord {
  return {
    id: store.id(input.id), key: null, isCompact: false, isCustom: true, openRecordIn: 'SIDE_PANEL',
    kanbanAggregateOperation: null, kanbanAggregateOperationFieldMetadataId: null, mainGroupByFieldMetadataId: null,
    shouldHideEmptyGroups: false, kanbanColumnWidth: null, calendarFieldMetadataId: null, anyFieldFilterValue: null,
    calendarLayout: null, visibility: 'WORKSPACE', createdByUserWorkspaceId: null, isActive: true,
    createdAt: at, updatedAt: at, deletedAt: null,
    ...input,
  };
}

export function newFilter(store: ViewStore, input: Pick<ViewFilterRecord, 'viewId' | 'fieldMetadataId' | 'value'> & Partial<ViewFilterRecord>, at: string): ViewFilterRecord {
  return {
    id: store.id(input.id), operand: 'IS', viewFilterGroupId: null, positionInViewFilterGroup: null, subFieldName: null,
    relationTargetFieldMetadataId: null, createdAt: at, updatedAt: at, deletedAt: null, ...input,
  };
}

export function seedViews(store: ViewStore, metadata: WorkspaceMetadata, seed: number, createdAt: Date): void {
  const random = seededRandom(seed ^ 0x71e3_5eed);
  const id = () => randomUuid(random);
  const at = createdAt.toISOString();
  const opportunity = metadata.object('opportunity');
  const fieldId = (name: string) => opportunity.fields.find((f) => f.name === name)?.id ?? '';
  const stamps = { createdAt: at, updatedAt: at, deletedAt: null };
  const seedView = (input: ViewInput) => store.put(store.views, newView(store, { id: id(), objectMetadataId: opportunity.id, isCustom: false, ...input }, at));

  const columns: [string, string | null][] = [['name', null], ['amount', 'AVG'], ['createdBy', null], ['closeDate', 'MIN'], ['company', null], ['pointOfContact', null]];
  const addColumns = (viewId: string, aggregates: boolean) =>
    columns.forEach(([name, aggregate], position) =>
      store.put(store.fields, { id: id(), viewId, fieldMetadataId: fieldId(name), isVisible: true, size: 150, position, aggregateOperation: aggregates ? aggregate : null, ...stamps }),
    );

  const all = seedView({ name: 'All Opportunities', type: 'TABLE', key: 'INDEX', icon: 'IconList', position: 0 });
  addColumns(all.id, true);
  const byStage = seedView({
    name: 'By Stage', type: 'KANBAN', icon: 'IconLayoutKanban', position: 2,
    mainGroupByFieldMetadataId: fieldId('stage'), kanbanAggregateOperation: 'SUM', kanbanAggregateOperationFieldMetadataId: fieldId('amount'),
  });
  addColumns(byStage.id, false);
  metadata.stageOptions().forEach((option, position) =>
    store.put(store.groups, { id: id(), viewId: byStage.id, isVisible: true, fieldValue: option.value, position, ...stamps }),
  );

  const made = { isCustom: true, createdByUserWorkspaceId: USER_WORKSPACE_ID };
  const big = seedView({ name: 'Big deals', type: 'TABLE', icon: 'IconFilter', position: 10, ...made });
  store.put(store.filters, newFilter(store, { id: id(), viewId: big.id, fieldMetadataId: fieldId('stage'), operand: 'IS', value: '["PROPOSAL","CUSTOMER"]' }, at));
  store.put(store.filters, newFilter(store, { id: id(), viewId: big.id, fieldMetadataId: fieldId('amount'), operand: 'GREATER_THAN_OR_EQUAL', value: '100000', subFieldName: 'amountMicros' }, at));

  const newOrHuge = seedView({ name: 'New or huge', type: 'TABLE', icon: 'IconFilter', position: 11, ...made });
  const or = store.put(store.filterGroups, { id: id(), viewId: newOrHuge.id, parentViewFilterGroupId: null, logicalOperator: 'OR', positionInViewFilterGroup: null, ...stamps });
  const inGroup = { viewId: newOrHuge.id, viewFilterGroupId: or.id };
  store.put(store.filters, newFilter(store, { id: id(), ...inGroup, fieldMetadataId: fieldId('stage'), operand: 'IS', value: ['NEW'], positionInViewFilterGroup: 0 }, at));
  store.put(store.filters, newFilter(store, { id: id(), ...inGroup, fieldMetadataId: fieldId('amount'), operand: 'GREATER_THAN_OR_EQUAL', value: 250000, subFieldName: 'amountMicros', positionInViewFilterGroup: 1 }, at));
}
