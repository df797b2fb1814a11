// The captured workspace's saved views (views-dashboards/q1-*, q2-*), rebuilt in a demo workspace so
// the view captures can be replayed against it: Twenty's three seed opportunity views as
// `getViews` answered them, then views A–I and the person view made from their create requests and
// answers (captured ids and timestamps kept), C's group and A's sort, C's amount raised to
// 2,000,000 and (unless `beforeDelete`) G deleted — the state the run ended in. Field and object
// ids of the real server are swapped for the demo workspace's own (`idMap`); view ids stay.
import { join } from 'node:path';
import { z } from 'zod';
import type { Sandbox } from '@/sandbox/index';
import { createViewFilterSchema, createViewSchema, given, parseInput } from '@/sandbox/views/inputs';
import { newFilter, newView } from '@/sandbox/views/seed';
import { LOGICAL_OPERATORS, VIEW_TYPES } from '@/sandbox/views/types';
import { readJson, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';

const DIR = join(REAL_221, 'views-dashboards');
/** Captured field ids by the field they name (the capture names them in requests and the FINDINGS). */
const CAPTURED_FIELDS: Record<string, [string, string]> = {
  'e225066a-516c-4e78-827d-a2d1ef58d397': ['opportunity', 'stage'],
  '1e24dcc3-5757-4445-9870-d11057dc5758': ['opportunity', 'amount'],
  'b779901e-59e1-44ce-a6eb-ef3cf8ed1a57': ['opportunity', 'closeDate'],
  '31bfa4cc-ca9c-47a7-bb4a-ef78e42f5857': ['opportunity', 'owner'],
  // The seed table's other columns, in Twenty's standard order (name, createdBy, company, contact).
  'f1bfc86c-0ab1-418d-ba5b-f5efafc0680d': ['opportunity', 'name'],
  '7a6802a6-4e54-4e26-af88-c1243c401025': ['opportunity', 'createdBy'],
  '89351f06-9719-4919-aa03-d62150e825a8': ['opportunity', 'company'],
  '3c801174-ab86-470d-9bf4-3fe19d592b6e': ['opportunity', 'pointOfContact'],
  '68fff77a-2c1d-4893-8f7d-993eb27ca09c': ['person', 'jobTitle'],
};
const CAPTURED_OBJECTS: Record<string, string> = { '07152cd2-888d-452b-8699-4d3a73044824': 'opportunity', '485af059-072b-4ecb-a66c-28c21726f23b': 'person' };

/** Captured metadata id → the demo workspace's id for the same object or field. */
export function idMap(sandbox: Sandbox): Map<string, string> {
  const { metadata } = sandbox.workspace;
  const map = new Map<string, string>();
  for (const [captured, name] of Object.entries(CAPTURED_OBJECTS)) map.set(captured, metadata.object(name).id);
  for (const [captured, [object, field]] of Object.entries(CAPTURED_FIELDS)) {
    const id = metadata.object(object).fields.find((f) => f.name === field)?.id;
    if (id) map.set(captured, id);
  }
  return map;
}

/** Every string of a captured request that is a mapped id, swapped. */
export function remapIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (map.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => remapIds(v, map)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, map)])) as T;
  return value;
}

const record = z.record(z.string(), z.unknown());
const load = <T>(file: string, schema: z.ZodType<T>): T => schema.parse(readJson(join(DIR, file)));

/** A captured mutation: its input variable `i` and the one root field's answer. */
function exchange<T>(file: string, answer: z.ZodType<T>): { input: Record<string, unknown>; answer: T } {
  const schema = z.object({ request: z.object({ body: z.object({ variables: z.object({ i: record }) }) }), response: z.object({ body: z.object({ data: z.record(z.string(), answer) }) }) });
  const parsed = load(file, schema);
  const [value] = Object.values(parsed.response.body.data);
  if (value === undefined) throw new Error(`${file} holds no answer`);
  return { input: parsed.request.body.variables.i, answer: value };
}

const nullableId = z.string().nullable();
const stamps = { createdAt: z.string(), updatedAt: z.string(), deletedAt: z.string().nullable() };
const seedViewSchema = z.object({
  id: z.string(), name: z.string(), objectMetadataId: z.string(), type: z.enum(VIEW_TYPES), key: z.literal('INDEX').nullable(), icon: z.string(),
  position: z.number(), isCompact: z.boolean(), isCustom: z.boolean(), openRecordIn: z.enum(['SIDE_PANEL', 'RECORD_PAGE']),
  kanbanAggregateOperation: z.string().nullable(), kanbanAggregateOperationFieldMetadataId: nullableId, mainGroupByFieldMetadataId: nullableId,
  shouldHideEmptyGroups: z.boolean(), kanbanColumnWidth: z.number().nullable(), calendarFieldMetadataId: nullableId, anyFieldFilterValue: z.string().nullable(),
  calendarLayout: z.enum(['DAY', 'WEEK', 'MONTH']).nullable(), visibility: z.enum(['WORKSPACE', 'UNLISTED']), createdByUserWorkspaceId: nullableId, isActive: z.boolean(),
  ...stamps,
  viewFields: z.array(z.object({ id: z.string(), fieldMetadataId: z.string(), isVisible: z.boolean(), size: z.number(), position: z.number(), aggregateOperation: z.string().nullable() })),
  viewGroups: z.array(z.object({ id: z.string(), viewId: z.string(), isVisible: z.boolean(), fieldValue: z.string(), position: z.number(), ...stamps })),
});
const seedSchema = z.object({ response: z.object({ body: z.object({ data: z.object({ getViews: z.array(seedViewSchema) }) }) }) });
const createdSchema = z.object({ id: z.string(), createdAt: z.string().optional() });
const groupSchema = z.object({ id: z.string(), viewId: z.string(), parentViewFilterGroupId: nullableId, logicalOperator: z.enum(LOGICAL_OPERATORS), positionInViewFilterGroup: z.number().nullable(), ...stamps });
const sortSchema = z.object({ id: z.string(), viewId: z.string(), fieldMetadataId: z.string(), direction: z.enum(['ASC', 'DESC']), subFieldName: z.string().nullable(), ...stamps });
const updateSchema = z.object({ id: z.string(), value: z.unknown(), updatedAt: z.string() });

const CREATED_AT = '2026-11-30T16:35:50.000Z';
/** The captured user's userWorkspace: every view of the run was made with the user token. */
const MAKER = '20202020-9e3b-46d4-a556-88b9ddc2b035';
const VIEW_FILES = ['A-user-token', 'B-user-token', 'C-user-token', 'D-unlisted-user-token', 'E-owner-filter', 'F-anyFieldFilterValue', 'G-to-be-deleted', 'H-closeDate-relative', 'I-closeDate-after'];
const FILTER_FILES = [
  'A-stage-is-string-array', 'A-amount-gte-string', 'B-stage-is-json-array', 'B-amount-gte-number', 'C-stage-in-group', 'C-amount-in-group',
  'D-stage-customer', 'E-owner-is-relation', 'G-stage-customer', 'H-closeDate-is-relative-this-year', 'I-closeDate-is-after',
];

export function loadViewsReplica(sandbox: Sandbox, opts: { beforeDelete?: boolean } = {}): void {
  const views = sandbox.workspace.views;
  for (const map of [views.views, views.filters, views.filterGroups, views.sorts, views.groups, views.fields]) map.clear();
  const ids = idMap(sandbox);
  const mapped = <T>(v: T) => remapIds(v, ids);

  for (const seed of mapped(load('q1-getViews-opportunity-user-token.json', seedSchema).response.body.data.getViews)) {
    const { viewFields, viewGroups, ...view } = seed;
    views.put(views.views, view);
    for (const f of viewFields) views.put(views.fields, { ...f, viewId: view.id, createdAt: view.createdAt, updatedAt: view.updatedAt, deletedAt: null });
    for (const g of viewGroups) views.put(views.groups, g);
  }
  for (const file of [...VIEW_FILES.map((f) => `q1-createView-${f}.json`), 'q2-createView-person-view.json']) {
    const { input, answer } = exchange(file, createdSchema);
    const parsed = parseInput(createViewSchema, mapped(input));
    const { name, objectMetadataId, icon } = parsed;
    const made = newView(views, { type: 'TABLE', position: 0, ...given(parsed), name, objectMetadataId, icon, createdByUserWorkspaceId: MAKER }, answer.createdAt ?? CREATED_AT);
    views.put(views.views, { ...made, id: answer.id });
  }
  for (const file of [...FILTER_FILES.map((f) => `q1-createViewFilter-${f}.json`), 'q2-createViewFilter-person-jobTitle.json']) {
    const { input, answer } = exchange(file, createdSchema);
    const parsed = parseInput(createViewFilterSchema, mapped(input));
    const made = newFilter(views, { ...given(parsed), viewId: parsed.viewId, fieldMetadataId: parsed.fieldMetadataId, value: parsed.value }, answer.createdAt ?? CREATED_AT);
    views.put(views.filters, { ...made, id: answer.id });
  }
  views.put(views.filterGroups, mapped(exchange('q1-createViewFilterGroup-C-or.json', groupSchema).answer));
  views.put(views.sorts, mapped(exchange('q1-createViewSort-A-amount-desc.json', sortSchema).answer));
  const update = exchange('q1-updateViewFilter-C-amount-to-2000000.json', updateSchema).answer;
  const amountC = views.filters.get(update.id);
  if (amountC) Object.assign(amountC, { value: update.value, updatedAt: update.updatedAt });
  if (!opts.beforeDelete) views.deleteView('a75adbcd-fd3e-4eeb-861d-80e61b31336f', '2026-11-30T16:36:30.000Z');
}
