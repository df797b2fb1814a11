// Views and their parts as /metadata answers them (the View, ViewFilter, … types of the 2.21
// schema). Every part carries the workspace id; a view carries its live parts as lists.
import type { ViewStore } from '@/sandbox/views/store';
import type { ViewFieldRecord, ViewFilterGroupRecord, ViewFilterRecord, ViewGroupRecord, ViewRecord, ViewSortRecord } from '@/sandbox/views/types';

type Part = ViewFilterRecord | ViewFilterGroupRecord | ViewSortRecord | ViewGroupRecord;

export const partNode = <T extends Part>(store: ViewStore, part: T) => ({ ...part, workspaceId: store.workspaceId });

export const viewFieldNode = (store: ViewStore, field: ViewFieldRecord) => ({
  ...field, viewFieldGroupId: null, isActive: true, isOverridden: null, workspaceId: store.workspaceId,
});

export function viewNode(store: ViewStore, view: ViewRecord) {
  const parts = <T extends Part>(map: ReadonlyMap<string, T>) => store.childrenOf(map, view.id).map((p) => partNode(store, p));
  return {
    ...view,
    workspaceId: store.workspaceId,
    viewFilters: parts(store.filters),
    viewFilterGroups: parts(store.filterGroups),
    viewSorts: parts(store.sorts),
    viewGroups: parts(store.groups),
    viewFields: store.childrenOf(store.fields, view.id).map((f) => viewFieldNode(store, f)),
    viewFieldGroups: [],
  };
}
