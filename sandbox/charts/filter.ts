// A widget's `filter` ({recordFilters, recordFilterGroups}) as the group-by filter Twenty builds
// from it (utils/convert-chart-filter-to-gql-operation-filter.util.ts): the same operands and value
// encodings as saved views' filters (views/operand-filter.ts), relative dates in the widget's
// time zone; each field found by id, its type from the metadata first, then the filter's own.
import { z } from 'zod';
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { FilterClock, Gql } from '@/sandbox/views/operand-filter';
import { valueAsText } from '@/sandbox/views/operand-filter';
import { VIEW_FILTER_OPERANDS } from '@/sandbox/views/types';
import { recordFilterTree, type FilterGroupPart, type FilterPart } from '@/sandbox/views/view-filter';

const chartFilterSchema = z.looseObject({
  recordFilters: z.array(z.looseObject({
    fieldMetadataId: z.string(),
    type: z.string().nullish(),
    operand: z.enum(VIEW_FILTER_OPERANDS),
    value: z.unknown(),
    subFieldName: z.string().nullish(),
    recordFilterGroupId: z.string().nullish(),
    relationTargetFieldMetadataId: z.string().nullish(),
  })).nullish(),
  recordFilterGroups: z.array(z.looseObject({ id: z.string(), parentRecordFilterGroupId: z.string().nullish(), logicalOperator: z.enum(['AND', 'OR', 'NOT']) })).nullish(),
});

export function chartFilterOf(filter: unknown, metadata: WorkspaceMetadata, clock: FilterClock): Gql | null {
  if (filter === null || filter === undefined) return null;
  const parsed = chartFilterSchema.parse(filter);
  const fields = metadata.allFields();
  const parts: FilterPart[] = (parsed.recordFilters ?? []).map((f) => {
    const known = fields.find((m) => m.id === f.fieldMetadataId);
    return {
      record: { operand: f.operand, value: valueAsText(f.value ?? ''), subFieldName: f.subFieldName ?? null, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId ?? null },
      field: { name: known?.name ?? f.fieldMetadataId, type: known?.type ?? f.type ?? '' },
      groupId: f.recordFilterGroupId ?? null,
    };
  });
  const groups: FilterGroupPart[] = (parsed.recordFilterGroups ?? []).map((g) => ({ id: g.id, parentViewFilterGroupId: g.parentRecordFilterGroupId ?? null, logicalOperator: g.logicalOperator }));
  return recordFilterTree(parts, groups, clock);
}
