// A saved filter set built from short specs, and the translation run on it at a fixed time, for
// the table tests of the translation.
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { filterSetFromView, type FilterGroupDef, type FilterSet } from '@/lib/twenty/views/view-filter-schema';

export const FIELDS = new Map<string, FieldInfo>([
  ['f-stage', { name: 'stage', type: 'SELECT', options: [{ value: 'NEW', label: 'New' }, { value: 'PROPOSAL', label: 'Proposal' }, { value: 'CUSTOMER', label: 'Customer' }] }],
  ['f-amount', { name: 'amount', type: 'CURRENCY' }],
  ['f-close', { name: 'closeDate', type: 'DATE_TIME' }],
  ['f-owner', { name: 'owner', type: 'RELATION' }],
  ['f-name', { name: 'name', type: 'TEXT' }],
  ['f-by', { name: 'createdBy', type: 'ACTOR' }],
]);
export const NOW = new Date('2026-03-10T15:30:00.000Z'); // a Tuesday; New York is on daylight time since March 8
export const ALEX = '20202020-0687-4c41-b707-ed1bfca972a7';

export type Filter = { field: string; operand: string; value: unknown; subFieldName?: string; group?: string; relationTargetFieldMetadataId?: string };
export function setOf(filters: Filter[], groups: FilterGroupDef[] = [], search: string | null = null): FilterSet {
  return filterSetFromView(
    filters.map((f, i) => ({ id: `filter-${i}`, fieldMetadataId: f.field, operand: f.operand, value: f.value, subFieldName: f.subFieldName, viewFilterGroupId: f.group, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId })),
    groups.map((g) => ({ id: g.id, parentViewFilterGroupId: g.parentId, logicalOperator: g.logicalOperator })),
    search,
  );
}
export const run = (set: FilterSet, zone = 'UTC', fields: ReadonlyMap<string, FieldInfo> = FIELDS) => translateFilterSet(set, { fields, now: NOW, zone });
export const one = (f: Filter, zone = 'UTC') => {
  const result = run(setOf([f]), zone);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.filter;
};
export const refusal = (set: FilterSet, fields?: ReadonlyMap<string, FieldInfo>) => {
  const result = run(set, 'UTC', fields);
  return result.ok ? null : result.refusal.reason;
};
