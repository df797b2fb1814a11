// The `metadata.fieldMetadata.updated` event Twenty 2.x emits when a field changes through
// updateOneField. Its shape follows Twenty's UpdateMetadataEvent: {type, recordId, metadataName,
// properties: {updatedFields, diff, before, after}} — only `created` (`properties: {after}`) is
// captured (real-2.21/webhooks/067-metadata.roleTarget.created); the flat field is abridged to the
// properties the demo workspace keeps.
import type { MetadataChange } from '@/sandbox/events';
import type { FieldMeta } from '@/sandbox/metadata/workspace-metadata';

/** Properties Twenty compares to decide what an update changed (timestamps are not among them). */
const COMPARED = ['name', 'label', 'description', 'icon', 'isActive', 'isNullable', 'defaultValue', 'options', 'settings'] as const;

function flatField(field: FieldMeta, workspaceId: string): Record<string, unknown> {
  return {
    id: field.id, type: field.type, name: field.name, label: field.label, defaultValue: field.defaultValue,
    description: field.description, icon: field.icon, standardOverrides: null,
    options: field.options ? field.options.map((o) => ({ ...o })) : null, settings: field.settings,
    isCustom: field.isCustom, isActive: field.isActive, isSystem: field.isSystem, isUIReadOnly: false,
    isNullable: field.isNullable, isUnique: field.isUnique, isLabelSyncedWithName: false,
    workspaceId, objectMetadataId: field.objectId, relationTargetFieldMetadataId: null, relationTargetObjectMetadataId: null,
    createdAt: field.createdAt, updatedAt: field.updatedAt,
  };
}

/** null when nothing Twenty compares has changed (Twenty then runs no migration and emits nothing). */
export function fieldUpdatedChange(before: FieldMeta, after: FieldMeta, workspaceId: string): MetadataChange | null {
  const changed = COMPARED.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.length === 0) return null;
  const diff = Object.fromEntries(changed.map((key) => [key, { before: before[key], after: after[key] }]));
  return {
    type: 'updated',
    metadataName: 'fieldMetadata',
    recordId: after.id,
    properties: { updatedFields: changed, diff, before: flatField(before, workspaceId), after: flatField(after, workspaceId) },
  };
}
