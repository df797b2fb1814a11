// What group-by's `viewId` adds to a query, as Twenty 2.21's group-by runner does it (captured in
// views-dashboards/q2-*): the view's filters (each field found by id among all objects' fields)
// and its filter groups, AND-ed with the view's search text, then AND-ed with the `filter`
// argument. The view need not be listable (UNLISTED) nor alive (deleted: its filters still apply);
// an unknown id has no filters and changes nothing. A filter on a field the queried object lacks
// (a person view's `jobTitle`) fails when the query is built: "Field metadata not found for field:
// jobTitle", INTERNAL_SERVER_ERROR.
import { TwentyError } from '@/sandbox/graphql/errors';
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import { isRecord } from '@/sandbox/query/filter';
import { fieldOf, type ObjectSpec } from '@/sandbox/records/object-specs';
import { anyFieldFilter } from '@/sandbox/views/any-field';
import { operandFilter, valueAsText, type FilterClock, type FilterField, type Gql, type RecordFilter } from '@/sandbox/views/operand-filter';
import type { ViewStore } from '@/sandbox/views/store';
import type { ViewFilterGroupRecord } from '@/sandbox/views/types';

export type ViewFilterContext = { views: ViewStore; metadata: WorkspaceMetadata; objectName: string; clock: FilterClock };

/** twenty-shared's combineFilters: empty parts dropped, one kept as is, several AND-ed. */
function combine(parts: readonly (Gql | null | undefined)[]): Gql | null {
  const kept = parts.filter((p): p is Gql => p !== null && p !== undefined && Object.keys(p).length > 0);
  if (kept.length === 0) return null;
  return kept.length === 1 ? (kept[0] ?? null) : { and: kept };
}

function fieldFor(metadata: WorkspaceMetadata, id: string): FilterField {
  const field = metadata.allFields().find((f) => f.id === id);
  if (!field) throw new Error(`Field metadata not found for field ${id}`);
  return field;
}

/** A filter with its field, and the group it belongs to (null: outside every group). */
export type FilterPart = { record: RecordFilter; field: FilterField; groupId: string | null };
export type FilterGroupPart = Pick<ViewFilterGroupRecord, 'id' | 'parentViewFilterGroupId' | 'logicalOperator'>;

/**
 * twenty-shared's computeRecordGqlOperationFilter, shared by saved views and widget filters: the
 * filters outside groups AND-ed with the first top-level group, groups nested by parent.
 */
export function recordFilterTree(filters: readonly FilterPart[], groups: readonly FilterGroupPart[], clock: FilterClock): Gql | null {
  const translate = (t: FilterPart) => operandFilter(t.record, t.field, clock);
  const groupFilter = (group: FilterGroupPart, seen: ReadonlySet<string>): Gql => {
    const inner = [
      ...filters.filter((t) => t.groupId === group.id).map(translate),
      ...groups.filter((g) => g.parentViewFilterGroupId === group.id && !seen.has(g.id)).map((g) => groupFilter(g, new Set([...seen, g.id]))),
    ].filter((p): p is Gql => p !== undefined);
    if (group.logicalOperator === 'AND') return { and: inner };
    if (group.logicalOperator === 'OR') return { or: inner };
    // NOT is not captured; the newest source reads it as "none of them".
    return { not: { or: inner } };
  };
  // Only the first top-level group counts, as in twenty-shared's computeRecordGqlOperationFilter.
  const root = groups.find((g) => !g.parentViewFilterGroupId);
  return combine([...filters.filter((t) => !t.groupId).map(translate), root ? groupFilter(root, new Set([root.id])) : null]);
}

export function viewFilterOf(viewId: string, ctx: ViewFilterContext): Gql | null {
  const { views, metadata, clock } = ctx;
  const groups = views.childrenOf(views.filterGroups, viewId);
  const filters: FilterPart[] = views.childrenOf(views.filters, viewId).map((f) => ({
    record: { operand: f.operand, value: valueAsText(f.value), subFieldName: f.subFieldName, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId },
    field: fieldFor(metadata, f.fieldMetadataId),
    groupId: f.viewFilterGroupId,
  }));
  const fromView = recordFilterTree(filters, groups, clock);
  const object = metadata.objects.find((o) => o.nameSingular === ctx.objectName);
  const search = anyFieldFilter(views.views.get(viewId)?.anyFieldFilterValue ?? null, object?.fields ?? [], clock);
  return combine([fromView, search]);
}

/** Every field a filter names must exist on the queried object, or the query cannot be built. */
export function assertFieldsExist<Row>(spec: ObjectSpec<Row>, filter: unknown): void {
  if (Array.isArray(filter)) {
    for (const part of filter) assertFieldsExist(spec, part);
    return;
  }
  if (!isRecord(filter)) return;
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or' || key === 'not') assertFieldsExist(spec, value);
    else if (!fieldOf(spec, key)) throw new TwentyError(`Field metadata not found for field: ${key}`, 'INTERNAL_SERVER_ERROR');
  }
}
