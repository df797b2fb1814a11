import { z } from 'zod';

// The two shapes a saved Twenty filter reaches us in, read at the edge and turned into one:
// - a saved view's `viewFilters`/`viewFilterGroups` as `/metadata` answers them (getViewFilters,
//   getViewFilterGroups, getView, getViews; real-2.21/views-dashboards/q1-*);
// - a dashboard widget's `configuration.filter`, `{recordFilters, recordFilterGroups}` (q3-*), whose
//   operands and value encodings are the same.
// A filter's `value` is any JSON: the UI's JSON-encoded string (`"[\"PROPOSAL\"]"`), a native array or
// number (`["PROPOSAL"]`, `1000000`). Twenty reads every form as text first (a string stays, the rest
// is stringified), so that is what the translation gets too. Operands and logical operators stay
// plain strings here: one this code does not know is refused by the translation, by name.

/** The text form Twenty's server gives a filter value before reading it (convertViewFilterValueToString). */
export const filterValueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? ''));

const id = z.string().min(1);

export const viewFilterSchema = z.object({
  id,
  fieldMetadataId: id,
  operand: z.string(),
  value: z.unknown(),
  viewFilterGroupId: z.string().nullish(),
  positionInViewFilterGroup: z.number().nullish(),
  subFieldName: z.string().nullish(),
  relationTargetFieldMetadataId: z.string().nullish(),
});

export const viewFilterGroupSchema = z.object({
  id,
  parentViewFilterGroupId: z.string().nullish(),
  logicalOperator: z.string(),
  positionInViewFilterGroup: z.number().nullish(),
});

/** A widget's filter: the same filters under other names, with the UI's labels beside them. */
export const widgetFilterSchema = z.object({
  recordFilters: z
    .array(
      z.object({
        // The seed dashboards' widget filters carry no id.
        id: z.string().optional(),
        fieldMetadataId: id,
        operand: z.string(),
        value: z.unknown(),
        subFieldName: z.string().nullish(),
        recordFilterGroupId: z.string().nullish(),
        relationTargetFieldMetadataId: z.string().nullish(),
      }),
    )
    .default([]),
  recordFilterGroups: z.array(z.object({ id, logicalOperator: z.string(), parentRecordFilterGroupId: z.string().nullish() })).default([]),
});

export type FilterDef = {
  id: string;
  fieldMetadataId: string;
  operand: string;
  /** Always the text form (filterValueText). */
  value: string;
  groupId: string | null;
  subFieldName: string | null;
  relationTargetFieldMetadataId: string | null;
};
export type FilterGroupDef = { id: string; parentId: string | null; logicalOperator: string };

/** Everything a saved scope filters by, whichever shape it came in. */
export type FilterSet = { filters: FilterDef[]; groups: FilterGroupDef[]; anyFieldFilterValue: string | null };

export function filterSetFromView(
  filters: readonly z.infer<typeof viewFilterSchema>[],
  groups: readonly z.infer<typeof viewFilterGroupSchema>[],
  anyFieldFilterValue: string | null | undefined,
): FilterSet {
  return {
    filters: filters.map((f) => ({
      id: f.id, fieldMetadataId: f.fieldMetadataId, operand: f.operand, value: filterValueText(f.value), groupId: f.viewFilterGroupId ?? null,
      subFieldName: f.subFieldName ?? null, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId ?? null,
    })),
    groups: groups.map((g) => ({ id: g.id, parentId: g.parentViewFilterGroupId ?? null, logicalOperator: g.logicalOperator })),
    anyFieldFilterValue: anyFieldFilterValue ?? null,
  };
}

/** A widget's `configuration.filter` (JSON), parsed; null or `{}` filters nothing. */
export function filterSetFromWidget(filter: unknown): FilterSet {
  const parsed = widgetFilterSchema.parse(filter ?? {});
  return {
    filters: parsed.recordFilters.map((f, i) => ({
      id: f.id ?? `recordFilters[${i}]`, fieldMetadataId: f.fieldMetadataId, operand: f.operand, value: filterValueText(f.value),
      groupId: f.recordFilterGroupId ?? null, subFieldName: f.subFieldName ?? null, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId ?? null,
    })),
    groups: parsed.recordFilterGroups.map((g) => ({ id: g.id, parentId: g.parentRecordFilterGroupId ?? null, logicalOperator: g.logicalOperator })),
    anyFieldFilterValue: null,
  };
}
