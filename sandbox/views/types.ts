// Saved views as Twenty 2.21 stores them on /metadata (views-dashboards/q1-*): a view, its filters,
// filter groups, sorts, kanban groups and fields. Timestamps are ISO strings, as they are answered.
// A filter's `value` is kept verbatim, whatever JSON was sent: a JSON-encoded string stays a
// string, a native array or number stays one (q1-getViewFilters-A/B).

export const VIEW_TYPES = ['TABLE', 'KANBAN', 'CALENDAR', 'FIELDS_WIDGET', 'TABLE_WIDGET'] as const;
export const VIEW_FILTER_OPERANDS = [
  'IS', 'IS_NOT_NULL', 'IS_NOT', 'LESS_THAN_OR_EQUAL', 'GREATER_THAN_OR_EQUAL', 'IS_BEFORE', 'IS_AFTER', 'CONTAINS',
  'DOES_NOT_CONTAIN', 'IS_EMPTY', 'IS_NOT_EMPTY', 'IS_RELATIVE', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY', 'VECTOR_SEARCH',
] as const;
export const LOGICAL_OPERATORS = ['AND', 'OR', 'NOT'] as const;

export type ViewType = (typeof VIEW_TYPES)[number];
export type ViewFilterOperand = (typeof VIEW_FILTER_OPERANDS)[number];
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

type Stamps = { createdAt: string; updatedAt: string; deletedAt: string | null };

export type ViewRecord = Stamps & {
  id: string;
  name: string;
  objectMetadataId: string;
  type: ViewType;
  key: 'INDEX' | null;
  icon: string;
  position: number;
  isCompact: boolean;
  isCustom: boolean;
  openRecordIn: 'SIDE_PANEL' | 'RECORD_PAGE';
  kanbanAggregateOperation: string | null;
  kanbanAggregateOperationFieldMetadataId: string | null;
  mainGroupByFieldMetadataId: string | null;
  shouldHideEmptyGroups: boolean;
  kanbanColumnWidth: number | null;
  calendarFieldMetadataId: string | null;
  anyFieldFilterValue: string | null;
  calendarLayout: 'DAY' | 'WEEK' | 'MONTH' | null;
  visibility: 'WORKSPACE' | 'UNLISTED';
  /** The user who made it (null for seed views and API keys): only they list an UNLISTED view. */
  createdByUserWorkspaceId: string | null;
  isActive: boolean;
};

export type ViewFilterRecord = Stamps & {
  id: string;
  viewId: string;
  fieldMetadataId: string;
  operand: ViewFilterOperand;
  value: unknown;
  viewFilterGroupId: string | null;
  positionInViewFilterGroup: number | null;
  subFieldName: string | null;
  relationTargetFieldMetadataId: string | null;
};

export type ViewFilterGroupRecord = Stamps & {
  id: string;
  viewId: string;
  parentViewFilterGroupId: string | null;
  logicalOperator: LogicalOperator;
  positionInViewFilterGroup: number | null;
};

export type ViewSortRecord = Stamps & { id: string; viewId: string; fieldMetadataId: string; direction: 'ASC' | 'DESC'; subFieldName: string | null };

export type ViewGroupRecord = Stamps & { id: string; viewId: string; isVisible: boolean; fieldValue: string; position: number };

export type ViewFieldRecord = Stamps & {
  id: string;
  viewId: string;
  fieldMetadataId: string;
  isVisible: boolean;
  size: number;
  position: number;
  aggregateOperation: string | null;
};
