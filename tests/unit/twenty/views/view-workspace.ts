// A demo workspace (Twenty 2.21) holding saved views of every operand the translation covers, made
// the way a CRM user makes them (createView / createViewFilterGroup / createViewFilter on /metadata
// with a user session), and a transport to it as the app builds one (read-only key, strict 2.21).
import { createCallBudget } from '@/lib/twenty/budget';
import { createTransport, type Transport } from '@/lib/twenty/transport';
import { startSandbox, type Sandbox } from '@/sandbox/index';
import { strict221 } from '@/tests/unit/twenty/helpers/strict-221';

export const NOW = new Date('2026-11-26T15:00:00.000Z');
export const ADMIN = 'views-admin-key';
export const READ_ONLY = 'views-read-only-key';
export const USER = 'views-user-session';
export const ALEX = '20202020-0687-4c41-b707-ed1bfca972a7';
export const SAM = '20202020-77d5-4cb6-b60a-f4a835a85d61';

type FilterSpec = { field: string; operand: string; value: unknown; subFieldName?: string; group?: string };
type GroupSpec = { key: string; parent?: string; logicalOperator: 'AND' | 'OR' };
export type ViewSpec = { name: string; filters?: FilterSpec[]; groups?: GroupSpec[]; anyFieldFilterValue?: string; visibility?: 'UNLISTED'; object?: string };

/** Views of every covered operand and encoding (the seed adds Big deals, New or huge, By Stage, All Opportunities). */
export const VIEWS: ViewSpec[] = [
  { name: 'Owned by Alex or Sam', filters: [{ field: 'owner', operand: 'IS', value: JSON.stringify({ isCurrentWorkspaceMemberSelected: false, selectedRecordIds: [ALEX, SAM] }) }] },
  { name: 'Not Sam', filters: [{ field: 'owner', operand: 'IS_NOT', value: { isCurrentWorkspaceMemberSelected: false, selectedRecordIds: [SAM] } }] },
  { name: 'Unowned', filters: [{ field: 'owner', operand: 'IS_EMPTY', value: '' }] },
  { name: 'Past the early stages', filters: [{ field: 'stage', operand: 'IS_NOT', value: '["NEW","SCREENING"]' }] },
  { name: 'Small', filters: [{ field: 'amount', operand: 'LESS_THAN_OR_EQUAL', value: '20000', subFieldName: 'amountMicros' }] },
  { name: 'Not 12,500', filters: [{ field: 'amount', operand: 'IS_NOT', value: 12500, subFieldName: 'amountMicros' }] },
  { name: 'Euro deals', filters: [{ field: 'amount', operand: 'IS', value: '["EUR"]', subFieldName: 'currencyCode' }] },
  { name: 'Priced', filters: [{ field: 'amount', operand: 'IS_NOT_EMPTY', value: '' }] },
  { name: 'No close date', filters: [{ field: 'closeDate', operand: 'IS_EMPTY', value: '' }] },
  { name: 'This month in Tokyo', filters: [{ field: 'closeDate', operand: 'IS_RELATIVE', value: 'THIS_1_MONTH;;Asia/Tokyo;;' }] },
  { name: 'This week from Sunday in New York', filters: [{ field: 'closeDate', operand: 'IS_RELATIVE', value: 'THIS_1_WEEK;;America/New_York;;SUNDAY;;' }] },
  { name: 'This year, server zone', filters: [{ field: 'closeDate', operand: 'IS_RELATIVE', value: 'THIS_1_YEAR' }] },
  {
    name: 'Winter window',
    filters: [
      { field: 'closeDate', operand: 'IS_AFTER', value: '2026-12-15T00:00:00+01:00' },
      { field: 'closeDate', operand: 'IS_BEFORE', value: '2027-03-01T00:00:00.000Z' },
    ],
  },
  { name: 'Analytics', filters: [{ field: 'name', operand: 'CONTAINS', value: 'analytics' }] },
  { name: 'Not a pilot', filters: [{ field: 'name', operand: 'DOES_NOT_CONTAIN', value: 'Pilot' }] },
  {
    name: 'Late and big, or Alex',
    groups: [{ key: 'root', logicalOperator: 'AND' }, { key: 'either', parent: 'root', logicalOperator: 'OR' }],
    filters: [
      { field: 'stage', operand: 'IS', value: ['PROPOSAL', 'CUSTOMER'], group: 'root' },
      { field: 'amount', operand: 'GREATER_THAN_OR_EQUAL', value: 100000, subFieldName: 'amountMicros', group: 'either' },
      { field: 'owner', operand: 'IS', value: [ALEX], group: 'either' },
    ],
  },
  { name: 'Search "propos"', anyFieldFilterValue: 'propos' },
  { name: 'Search "renewal", proposals only', anyFieldFilterValue: 'renewal', filters: [{ field: 'stage', operand: 'IS', value: '["PROPOSAL"]' }] },
  { name: 'Private customers', visibility: 'UNLISTED', filters: [{ field: 'stage', operand: 'IS', value: '["CUSTOMER"]' }] },
];

async function metadata<T>(sandbox: Sandbox, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${sandbox.url}/metadata`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${USER}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`metadata write failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Makes `spec` as a user would; answers its id. */
export async function createView(sandbox: Sandbox, spec: ViewSpec): Promise<string> {
  const object = sandbox.workspace.metadata.object(spec.object ?? 'opportunity');
  const fieldId = (name: string) => object.fields.find((f) => f.name === name)?.id;
  const input = { name: spec.name, objectMetadataId: object.id, icon: 'IconFilter', visibility: spec.visibility, anyFieldFilterValue: spec.anyFieldFilterValue };
  const { createView: view } = await metadata<{ createView: { id: string } }>(sandbox, 'mutation($i:CreateViewInput!){ createView(input:$i){ id } }', { i: input });
  const groups = new Map<string, string>();
  for (const g of spec.groups ?? []) {
    const i = { viewId: view.id, logicalOperator: g.logicalOperator, parentViewFilterGroupId: g.parent ? groups.get(g.parent) : undefined };
    groups.set(g.key, (await metadata<{ createViewFilterGroup: { id: string } }>(sandbox, 'mutation($i:CreateViewFilterGroupInput!){ createViewFilterGroup(input:$i){ id } }', { i })).createViewFilterGroup.id);
  }
  for (const [position, f] of (spec.filters ?? []).entries()) {
    const i = { viewId: view.id, fieldMetadataId: fieldId(f.field), operand: f.operand, value: f.value, subFieldName: f.subFieldName, viewFilterGroupId: f.group ? groups.get(f.group) : undefined, positionInViewFilterGroup: f.group ? position : undefined };
    await metadata(sandbox, 'mutation($i:CreateViewFilterInput!){ createViewFilter(input:$i){ id } }', { i });
  }
  return view.id;
}

export async function deleteView(sandbox: Sandbox, id: string): Promise<void> {
  await metadata(sandbox, 'mutation($id:String!){ deleteView(id:$id) }', { id });
}

export function startViewWorkspace(twentyVersion: '2.21' | '0.55' = '2.21'): Promise<Sandbox> {
  return startSandbox(
    { port: 0, apiKey: ADMIN, readOnlyApiKeys: [READ_ONLY], userTokens: [USER], opportunities: 600, anchor: '2026-11-26', rateLimit: 1_000_000, twentyVersion },
    { clock: () => NOW.getTime() },
  );
}

/** The app's path to Twenty: the read-only key through the transport, behind strict 2.21 answers. */
export function transportTo(sandbox: Sandbox): Transport {
  return createTransport({
    apiUrl: sandbox.url, apiKey: READ_ONLY, budget: createCallBudget({ perMinute: 100_000 }), timeoutMs: 10_000, fetch: strict221().fetch, log: () => {},
  });
}

/** Changes one filter of a view as a user would (`updateViewFilter`). */
export async function updateViewFilter(sandbox: Sandbox, id: string, update: Record<string, unknown>): Promise<void> {
  await metadata(sandbox, 'mutation($i:UpdateViewFilterInput!){ updateViewFilter(input:$i){ id } }', { i: { id, update } });
}
