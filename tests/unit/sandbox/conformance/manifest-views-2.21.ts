// Which saved-view captures (views-dashboards/q1-*, q2-*) the views replica (views-replica.ts)
// reproduces value for value, and how. Left to the shape: answers with the server's own clock
// (creates and updates), lists of every object's views (the demo workspace has three objects),
// reads taken before a later change (C's amount before it became 2,000,000, `getViews` before
// views A–I), and group-by counts over the dev seed's deals, whose names, amounts and close dates
// the replica does not know (tests/unit/sandbox/views-group-by.test.ts checks each viewId against its captured
// explicit filter on data that exercises it instead).
import type { DataMode } from '@/tests/unit/sandbox/conformance/compare';

const q1 = (names: string[], mode: DataMode) => names.map((n): [string, DataMode] => [`views-dashboards/q1-${n}.json`, mode]);
const q2 = (names: string[], mode: DataMode) => names.map((n): [string, DataMode] => [`views-dashboards/q2-${n}.json`, mode]);

export const VIEWS_DATA: Record<string, DataMode> = Object.fromEntries([
  // answers that hold ids only (the server's fresh ids are masked) or refusals
  ...q1(['createView-B-user-token', 'createView-C-user-token', 'createView-D-unlisted-user-token', 'createView-E-owner-filter', 'createView-F-anyFieldFilterValue',
    'createView-G-to-be-deleted', 'createView-H-closeDate-relative', 'createView-I-closeDate-after', 'createViewFilter-G-stage-customer'], 'ids-masked'),
  ...q2(['createView-person-view', 'createViewFilter-person-jobTitle'], 'ids-masked'),
  ...q1(['createView-readonly-key', 'createViewFilter-readonly-key', 'deleteView-G'], 'exact'),
  // reads of the views as created (metadata ids masked: the demo workspace's fields have ids of their own)
  ...q1(['getView-A-readonly-key', 'getView-A-user-token', 'getViewFilterGroups-C-readonly-key', 'getViewFilterGroups-C-user-token',
    'getViewFilters-A-readonly-key', 'getViewFilters-A-user-token', 'getViewFilters-B-readonly-key', 'getViewFilters-B-user-token',
    'getViewGroups-kanban-readonly-key', 'getViewGroups-kanban-user-token', 'getViewSorts-A-readonly-key', 'getViewSorts-A-user-token'], 'ids-masked'),
  ...q1(['getView-D-unlisted-readonly-key', 'getView-D-unlisted-user-token', 'getView-G-after-delete-user-token'], 'exact'),
  // owner Tim's deals per stage are known exactly; refusals
  ...q2(['groupBy-stage-viewId-E-owner-relation-readonly-key', 'groupBy-stage-viewId-E-owner-relation-user-token', 'groupBy-stage-explicit-filter-ownerId-eq-user-token',
    'groupBy-stage-viewId-of-person-view-with-filter-user-token', 'opportunities-with-viewId-arg-readonly-key', 'opportunities-with-viewId-arg-user-token'], 'exact'),
  // which stages a view leaves (D and G: CUSTOMER only; C at 3,000,000: NEW only), in stage order
  ...q2(['groupBy-stage-no-viewId-readonly-key', 'groupBy-stage-no-viewId-user-token', 'groupBy-stage-viewId-C-or-group-readonly-key', 'groupBy-stage-viewId-C-or-group-user-token',
    'groupBy-stage-explicit-filter-equivalent-of-C-user-token', 'groupBy-stage-viewId-D-unlisted-readonly-key', 'groupBy-stage-viewId-D-unlisted-user-token',
    'groupBy-stage-viewId-G-soft-deleted-view-readonly-key', 'groupBy-stage-viewId-G-soft-deleted-view-user-token', 'groupBy-stage-viewId-H-closeDate-this-year-NY-readonly-key',
    'groupBy-stage-viewId-H-closeDate-this-year-NY-user-token', 'groupBy-stage-viewId-I-closeDate-after-2026-11-01-user-token', 'groupBy-stage-viewId-kanban-no-filters-user-token',
    'groupBy-stage-viewId-person-view-user-token', 'groupBy-stage-explicit-closeDate-2026-NY-user-token', 'groupBy-stage-explicit-closeDate-2026-UTC-user-token',
    'groupBy-stage-explicit-closeDate-gt-2026-11-01-user-token', 'groupBy-stage-explicit-closeDate-gte-2026-11-01-user-token',
    'groupBy-stage-explicit-closeDate-gte-2026-11-02-user-token'], 'group-order'),
]);
