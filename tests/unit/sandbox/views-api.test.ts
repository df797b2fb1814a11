// The demo workspace's saved views (/metadata) and group-by's viewId beyond the replayed captures:
// the seeded views, who lists what, writes refused to the read-only key, deletion, other objects'
// views, and v0.55 (no view API there).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { API_KEY, dataOf, gql, post, start, type Reply } from '@/tests/unit/sandbox/harness';

const READ_ONLY = 'views-read-only-key';
const USER = 'views-user-session';
let sandbox: Sandbox;
let opportunityId = '';

beforeAll(async () => {
  sandbox = await start({ opportunities: 600, readOnlyApiKeys: [READ_ONLY], userTokens: [USER] });
  opportunityId = sandbox.workspace.metadata.object('opportunity').id;
});
afterAll(async () => {
  await sandbox.close();
});

const meta = (query: string, key: string, variables: Record<string, unknown> = {}) => post(sandbox, '/metadata', query, { key, variables });
type Views = { getViews: { id: string; name: string; visibility: string }[] };
const listNames = async (key: string) => dataOf<Views>(await meta('query($o:String){ getViews(objectMetadataId:$o){ id name visibility } }', key, { o: opportunityId })).getViews.map((v) => v.name);
const viewIdOf = async (name: string) => dataOf<Views>(await meta('{ getViews { id name visibility } }', API_KEY)).getViews.find((v) => v.name === name)?.id ?? '';

type Group = { groupByDimensionValues: string[]; totalCount: number; sumAmountAmountMicros: number | null };
async function groupBy(variables: { v?: string | null; f?: unknown }): Promise<Group[]> {
  const reply = await gql(sandbox, 'query($v:UUID,$f:OpportunityFilterInput){ opportunitiesGroupBy(groupBy:[{stage:true}], viewId:$v, filter:$f, orderBy:[{stage:AscNullsFirst}]){ groupByDimensionValues totalCount sumAmountAmountMicros } }', { capture: false, variables });
  return dataOf<{ opportunitiesGroupBy: Group[] }>(reply).opportunitiesGroupBy;
}
const errorOf = (reply: Reply) => ({ message: reply.body.errors?.[0]?.message, code: reply.body.errors?.[0]?.extensions?.code });

test('the seed views are listed in position order, each seeded view applying its filters', async () => {
  expect(await listNames(READ_ONLY)).toEqual(['All Opportunities', 'By Stage', 'Big deals', 'New or huge']);
  const big = await groupBy({ v: await viewIdOf('Big deals') });
  expect(big).toEqual(await groupBy({ f: { and: [{ stage: { in: ['PROPOSAL', 'CUSTOMER'] } }, { amount: { amountMicros: { gte: 100_000_000_000 } } }] } }));
  expect(big.length).toBeGreaterThan(0);
  const newOrHuge = await groupBy({ v: await viewIdOf('New or huge') });
  expect(newOrHuge).toEqual(await groupBy({ f: { or: [{ stage: { in: ['NEW'] } }, { amount: { amountMicros: { gte: 250_000_000_000 } } }] } }));
  expect(await groupBy({ v: await viewIdOf('By Stage') })).toEqual(await groupBy({}));
});

test('an UNLISTED view is listed for the user who made it only, yet getView(id) and viewId serve it to any key', async () => {
  const made = dataOf<{ createView: { id: string } }>(
    await meta('mutation($i:CreateViewInput!){ createView(input:$i){ id } }', USER, { i: { name: 'Mine', objectMetadataId: opportunityId, icon: 'IconLock', visibility: 'UNLISTED' } }),
  ).createView;
  const stage = sandbox.workspace.metadata.stageField().id;
  await meta('mutation($i:CreateViewFilterInput!){ createViewFilter(input:$i){ id } }', USER, { i: { viewId: made.id, fieldMetadataId: stage, operand: 'IS', value: '["CUSTOMER"]' } });
  expect(await listNames(USER)).toContain('Mine');
  expect(await listNames(READ_ONLY)).not.toContain('Mine');
  expect(await listNames(API_KEY)).not.toContain('Mine');
  const seen = await meta('query($id:String!){ getView(id:$id){ name visibility viewFilters{ operand value } } }', READ_ONLY, { id: made.id });
  expect(dataOf(seen)).toEqual({ getView: { name: 'Mine', visibility: 'UNLISTED', viewFilters: [{ operand: 'IS', value: '["CUSTOMER"]' }] } });
  expect(await groupBy({ v: made.id })).toEqual(await groupBy({ f: { stage: { eq: 'CUSTOMER' } } }));
});

test('the read-only key reads views but every write is refused with the captured texts', async () => {
  const create = await meta('mutation($i:CreateViewInput!){ createView(input:$i){ id } }', READ_ONLY, { i: { name: 'RO', objectMetadataId: opportunityId, icon: 'IconList' } });
  expect(errorOf(create)).toEqual({ message: 'You do not have permission to create workspace-level views', code: 'FORBIDDEN' });
  const big = await viewIdOf('Big deals');
  const filter = await meta('mutation($i:CreateViewFilterInput!){ createViewFilter(input:$i){ id } }', READ_ONLY, { i: { viewId: big, fieldMetadataId: sandbox.workspace.metadata.stageField().id, operand: 'IS', value: '["NEW"]' } });
  expect(errorOf(filter)).toEqual({ message: 'You do not have permission to modify this view', code: 'FORBIDDEN' });
  expect(errorOf(await meta('mutation($id:String!){ deleteView(id:$id) }', READ_ONLY, { id: big }))).toEqual({ message: 'You do not have permission to modify this view', code: 'FORBIDDEN' });
  expect(await listNames(READ_ONLY)).toContain('Big deals');
});

test('a deleted view is gone from reads, and its filters keep applying; an updated filter applies at once; a random id is ignored', async () => {
  const id = await viewIdOf('Big deals');
  const before = await groupBy({ v: id });
  const filters = dataOf<{ getViewFilters: { id: string; operand: string }[] }>(await meta('query($v:String){ getViewFilters(viewId:$v){ id operand } }', API_KEY, { v: id })).getViewFilters;
  const amount = filters.find((f) => f.operand === 'GREATER_THAN_OR_EQUAL')?.id;
  const update = await meta('mutation($i:UpdateViewFilterInput!){ updateViewFilter(input:$i){ value } }', API_KEY, { i: { id: amount, update: { value: 200000 } } });
  expect(dataOf(update)).toEqual({ updateViewFilter: { value: 200000 } });
  const raised = await groupBy({ v: id });
  expect(raised).toEqual(await groupBy({ f: { and: [{ stage: { in: ['PROPOSAL', 'CUSTOMER'] } }, { amount: { amountMicros: { gte: 200_000_000_000 } } }] } }));
  expect(raised).not.toEqual(before);
  expect(dataOf(await meta('mutation($id:String!){ deleteView(id:$id) }', API_KEY, { id }))).toEqual({ deleteView: true });
  expect(dataOf(await meta('query($id:String!){ getView(id:$id){ id } }', API_KEY, { id }))).toEqual({ getView: null });
  expect(await listNames(API_KEY)).not.toContain('Big deals');
  expect(await groupBy({ v: id })).toEqual(raised);
  expect(await groupBy({ v: '3d1e6f0a-1b2c-4d5e-8f90-123456789abc' })).toEqual(await groupBy({}));
});

test("a view of another object with a filter cannot be applied to opportunities (the captured error); opportunities take no viewId", async () => {
  const company = sandbox.workspace.metadata.object('company');
  const employees = company.fields.find((f) => f.name === 'employees')?.id;
  const view = dataOf<{ createView: { id: string } }>(await meta('mutation($i:CreateViewInput!){ createView(input:$i){ id } }', USER, { i: { name: 'Big companies', objectMetadataId: company.id, icon: 'IconBuilding' } })).createView;
  expect(await groupBy({ v: view.id })).toEqual(await groupBy({}));
  await meta('mutation($i:CreateViewFilterInput!){ createViewFilter(input:$i){ id } }', USER, { i: { viewId: view.id, fieldMetadataId: employees, operand: 'GREATER_THAN_OR_EQUAL', value: '500' } });
  const refused = await gql(sandbox, 'query($v:UUID){ opportunitiesGroupBy(groupBy:[{stage:true}], viewId:$v){ totalCount } }', { capture: false, variables: { v: view.id } });
  expect(errorOf(refused)).toEqual({ message: 'Field metadata not found for field: employees', code: 'INTERNAL_SERVER_ERROR' });
  const records = await gql(sandbox, 'query($v:UUID){ opportunities(viewId:$v, first:1){ totalCount } }', { capture: false, variables: { v: view.id } });
  expect(errorOf(records)).toEqual({ message: 'Argument not allowed: viewId', code: 'BAD_USER_INPUT' });
});

test('v0.55 has no view API on /metadata and no group-by to take a viewId', async () => {
  const legacy = await start({ twentyVersion: '0.55', opportunities: 10 });
  try {
    const views = await post(legacy, '/metadata', '{ getViews { id } }');
    expect(views.body.errors?.[0]?.message).toMatch(/^Cannot query field "getViews" on type "Query"/);
    const grouped = await gql(legacy, '{ opportunitiesGroupBy(groupBy:[{stage:true}]){ totalCount } }', { capture: false });
    expect(grouped.body.errors?.[0]?.message).toMatch(/^Cannot query field "opportunitiesGroupBy" on type "Query"/);
  } finally {
    await legacy.close();
  }
});
