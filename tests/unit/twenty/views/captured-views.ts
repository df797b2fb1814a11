// The captured saved views A–I of real-2.21/views-dashboards as the translation receives them
// (filters and groups as getViewFilters/getViewFilterGroups or the create calls answered them), the
// captured opportunity fields by their real ids, and the explicit filters the real server answered
// identically (q2-…-explicit-*), to hold the translation to.
import { join } from 'node:path';
import { z } from 'zod';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { filterSetFromView, viewFilterGroupSchema, viewFilterSchema, type FilterSet } from '@/lib/twenty/views/view-filter-schema';
import { readJson, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';

const DIR = join(REAL_221, 'views-dashboards');
const read = (file: string) => readJson(join(DIR, file));

export const FIELD_IDS = {
  stage: 'e225066a-516c-4e78-827d-a2d1ef58d397',
  amount: '1e24dcc3-5757-4445-9870-d11057dc5758',
  closeDate: 'b779901e-59e1-44ce-a6eb-ef3cf8ed1a57',
  owner: '31bfa4cc-ca9c-47a7-bb4a-ef78e42f5857',
  name: 'f1bfc86c-0ab1-418d-ba5b-f5efafc0680d',
  createdBy: '7a6802a6-4e54-4e26-af88-c1243c401025',
  company: '89351f06-9719-4919-aa03-d62150e825a8',
  // the seed dashboards' widget filters name it (q3-getPageLayouts-DASHBOARD-*)
  createdAt: '280604ed-291a-4c42-be70-4750426530e4',
} as const;
export const PERSON_JOB_TITLE = '68fff77a-2c1d-4893-8f7d-993eb27ca09c';
export const TIM = '20202020-0687-4c41-b707-ed1bfca972a7';
export const CAPTURE_NOW = new Date('2026-11-30T16:40:00.000Z');

const STAGES = [['NEW', 'New'], ['SCREENING', 'Screening'], ['MEETING', 'Meeting'], ['PROPOSAL', 'Proposal'], ['CUSTOMER', 'Customer']];
export const CAPTURED_FIELDS = new Map<string, FieldInfo>([
  [FIELD_IDS.stage, { name: 'stage', type: 'SELECT', options: STAGES.map(([value = '', label = '']) => ({ value, label })) }],
  [FIELD_IDS.amount, { name: 'amount', type: 'CURRENCY' }],
  [FIELD_IDS.closeDate, { name: 'closeDate', type: 'DATE_TIME' }],
  [FIELD_IDS.owner, { name: 'owner', type: 'RELATION' }],
  [FIELD_IDS.name, { name: 'name', type: 'TEXT' }],
  [FIELD_IDS.createdBy, { name: 'createdBy', type: 'ACTOR' }],
  [FIELD_IDS.company, { name: 'company', type: 'RELATION' }],
  [FIELD_IDS.createdAt, { name: 'createdAt', type: 'DATE_TIME' }],
]);

const answerOf = (file: string, root: string) => z.object({ response: z.object({ body: z.object({ data: z.record(z.string(), z.unknown()) }) }) }).parse(read(file)).response.body.data[root];
const filtersOf = (file: string) => z.array(viewFilterSchema).parse(answerOf(file, 'getViewFilters'));
const groupsOf = (file: string) => z.array(viewFilterGroupSchema).parse(answerOf(file, 'getViewFilterGroups'));

/** A create call's filter: the request's input with the id the server gave it. */
function created(file: string) {
  const capture = z.object({ request: z.object({ body: z.object({ variables: z.object({ i: z.record(z.string(), z.unknown()) }) }) }) }).parse(read(file));
  return viewFilterSchema.parse({ ...capture.request.body.variables.i, id: z.object({ id: z.string() }).parse(answerOf(file, 'createViewFilter')).id });
}

export type CapturedView = 'A' | 'B' | 'C-3000000' | 'C-2000000' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'kanban' | 'person';

export function capturedFilterSet(view: CapturedView): FilterSet {
  switch (view) {
    case 'A':
      return filterSetFromView(filtersOf('q1-getViewFilters-A-user-token.json'), [], null);
    case 'B':
      return filterSetFromView(filtersOf('q1-getViewFilters-B-user-token.json'), [], null);
    case 'C-3000000':
    case 'C-2000000': {
      const update = z.object({ id: z.string(), value: z.unknown() }).parse(answerOf('q1-updateViewFilter-C-amount-to-2000000.json', 'updateViewFilter'));
      const filters = filtersOf('q1-getViewFilters-C-user-token.json').map((f) => (view === 'C-2000000' && f.id === update.id ? { ...f, value: update.value } : f));
      return filterSetFromView(filters, groupsOf('q1-getViewFilterGroups-C-user-token.json'), null);
    }
    case 'D':
      return filterSetFromView([created('q1-createViewFilter-D-stage-customer.json')], [], null);
    case 'E':
      return filterSetFromView([created('q1-createViewFilter-E-owner-is-relation.json')], [], null);
    case 'F':
      return filterSetFromView([], [], z.object({ anyFieldFilterValue: z.string() }).parse(answerOf('q1-createView-F-anyFieldFilterValue.json', 'createView')).anyFieldFilterValue);
    case 'G':
      return filterSetFromView([created('q1-createViewFilter-G-stage-customer.json')], [], null);
    case 'H':
      return filterSetFromView([created('q1-createViewFilter-H-closeDate-is-relative-this-year.json')], [], null);
    case 'I':
      return filterSetFromView([created('q1-createViewFilter-I-closeDate-is-after.json')], [], null);
    case 'kanban':
      return filterSetFromView([], [], null);
    case 'person':
      return filterSetFromView([viewFilterSchema.parse({ ...created('q2-createViewFilter-person-jobTitle.json') })], [], null);
  }
}

/** The `filter` variable of a q2 capture (the explicit equivalents the real server answered alike). */
export function explicitFilter(file: string): unknown {
  return z.object({ request: z.object({ body: z.object({ variables: z.object({ f: z.unknown() }) }) }) }).parse(read(`q2-groupBy-stage-${file}.json`)).request.body.variables.f;
}
