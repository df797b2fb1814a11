import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { SandboxChange } from '@/sandbox/events';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, FIXTURES, gql, start } from '@/tests/unit/sandbox/harness';

type Node = { id: string; name: string; stage: string; deletedAt: string | null; updatedAt: string; amount: { amountMicros: number | null; currencyCode: string | null } };

let sandbox: Sandbox;
let changes: SandboxChange[];
beforeEach(async () => {
  sandbox = await start({ opportunities: 20 });
  changes = [];
  sandbox.onChange((batch) => changes.push(...batch));
});
afterEach(async () => {
  await sandbox.close();
});

const capturedRecord = (file: string) =>
  (JSON.parse(readFileSync(resolve(FIXTURES, 'real-2.21/webhooks', `${file}.json`), 'utf8')) as { body: { record: Record<string, unknown> } }).body.record;

// Documents as the capture sent them (webhooks/api-calls.json).
const CREATE = `mutation($d: OpportunityCreateInput!){ createOpportunity(data:$d){ id name stage amount{amountMicros currencyCode} closeDate deletedAt updatedAt } }`;
const UPDATE = `mutation($id: UUID!, $d: OpportunityUpdateInput!){ updateOpportunity(id:$id, data:$d){ id name stage amount{amountMicros currencyCode} deletedAt updatedAt } }`;
const byId = (op: string) => `mutation($id: UUID!){ ${op}(id:$id){ id name stage amount{amountMicros currencyCode} deletedAt updatedAt } }`;

async function create(): Promise<Node> {
  const data = { name: 'Webhook Fixture Deal', stage: 'NEW', amount: { amountMicros: 12500000000, currencyCode: 'USD' }, closeDate: '2027-03-31T00:00:00.000Z' };
  return dataOf<{ createOpportunity: Node }>(await gql(sandbox, CREATE, { variables: { d: data } })).createOpportunity;
}

test('create → update → delete → restore → destroy, each emitting Twenty\'s flat record', async () => {
  const created = await create();
  const updated = dataOf<{ updateOpportunity: Node }>(await gql(sandbox, UPDATE, { variables: { id: created.id, d: { stage: 'PROPOSAL', amount: { amountMicros: 18750000000, currencyCode: 'USD' } } } })).updateOpportunity;
  expect([updated.stage, updated.amount.amountMicros]).toEqual(['PROPOSAL', 18750000000]);
  const deleted = dataOf<{ deleteOpportunity: Node }>(await gql(sandbox, byId('deleteOpportunity'), { variables: { id: created.id } })).deleteOpportunity;
  expect(deleted.deletedAt).toBe(deleted.updatedAt);
  const restored = dataOf<{ restoreOpportunity: Node }>(await gql(sandbox, byId('restoreOpportunity'), { variables: { id: created.id } })).restoreOpportunity;
  expect(restored.deletedAt).toBeNull();
  await gql(sandbox, byId('destroyOpportunity'), { variables: { id: created.id } });
  expect(sandbox.store.opportunities.get(created.id)).toBeUndefined();

  expect(changes.map((c) => c.action)).toEqual(['created', 'updated', 'deleted', 'restored', 'destroyed']);
  const files = ['001-opportunity.created', '011-opportunity.updated', '017-opportunity.deleted', '019-opportunity.restored', '021-opportunity.destroyed'];
  changes.forEach((change, i) => {
    expect(Object.keys(change.record)).toEqual(Object.keys(capturedRecord(files[i] ?? '')));
    expect(change.objectName).toBe('opportunity');
    expect(change.objectMetadataId).toBe(sandbox.workspace.metadata.object('opportunity').id);
  });
  expect(changes[1]?.updatedFields).toEqual(['amount', 'stage']);
  expect(changes[1]?.record).toMatchObject({ stage: 'PROPOSAL', amount: { amountMicros: 18750000000, currencyCode: 'USD' }, searchVector: "'deal':3 'fixture':2 'webhook':1" });
  expect(changes[2]?.record.deletedAt).not.toBeNull();
});

test('updatedAt strictly increases per record, even within one millisecond', async () => {
  const created = await create();
  const stamps = [Date.parse(created.updatedAt)];
  // In-process writes land well within one millisecond of each other.
  for (const stage of ['SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER', 'NEW']) stamps.push(sandbox.workspace.writes.update(created.id, { stage }).updatedAt);
  for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1] ?? Infinity);
  expect(changes.slice(1).map((c) => c.record.updatedAt)).toEqual(stamps.slice(1).map((ms) => new Date(ms).toISOString()));
});

test('new records go to the top (position below every other) and are attributed to the API key', async () => {
  const created = await create();
  const row = sandbox.store.opportunities.get(created.id);
  expect(row?.position).toBeLessThan(Math.min(...sandbox.store.opportunities.all().filter((r) => r.id !== created.id).map((r) => r.position)));
  expect(row?.createdBy).toEqual({ source: 'API', workspaceMemberId: null, name: 'Pipeline Wall demo key' });
  expect(changes[0]?.record.createdBy).toEqual({ source: 'API', workspaceMemberId: null, name: 'Pipeline Wall demo key', context: {} });
});

test('updating a missing or soft-deleted record is NOT_FOUND and emits nothing', async () => {
  const created = await create();
  await gql(sandbox, byId('deleteOpportunity'), { variables: { id: created.id } });
  changes = [];
  const reply = await gql(sandbox, UPDATE, { variables: { id: created.id, d: { stage: 'MEETING' } } });
  expect(reply.body).toMatchObject({ errors: [{ message: 'Record not found', extensions: { code: 'NOT_FOUND' } }], data: { updateOpportunity: null } });
  expect(changes).toEqual([]);
});

test('v0.55 answers a bulk create of 90 with only the first 60 records, but creates all 90', async () => {
  const old = await start({ opportunities: 0, twentyVersion: '0.55' });
  try {
    const data = Array.from({ length: 90 }, (_, i) => ({ name: `Fixture Deal ${i + 1}`, stage: 'NEW' }));
    const reply = await gql(old, `mutation($data:[OpportunityCreateInput!]!){ createOpportunities(data:$data){ id } }`, { variables: { data } });
    expect(dataOf<{ createOpportunities: unknown[] }>(reply).createOpportunities).toHaveLength(60);
    expect(old.store.opportunities.all()).toHaveLength(90);
  } finally {
    await old.close();
  }
});

test('a record created without an amount: v0.55 stores the empty currency "", 2.21 stores null', async () => {
  const reply = await gql(sandbox, CREATE, { variables: { d: { name: 'No amount yet' } } });
  expect(dataOf<{ createOpportunity: Node }>(reply).createOpportunity).toMatchObject({ stage: 'NEW', amount: { amountMicros: null, currencyCode: null } });
  const old = await start({ opportunities: 0, twentyVersion: '0.55' });
  try {
    const oldReply = await gql(old, CREATE, { variables: { d: { name: 'No amount yet' } } });
    expect(dataOf<{ createOpportunity: Node }>(oldReply).createOpportunity).toMatchObject({ amount: { amountMicros: null, currencyCode: '' } });
  } finally {
    await old.close();
  }
});
