// Every delivery captured from the real Twenty 2.21 server (tests/fixtures/twenty/real-2.21/webhooks)
// is replayed on the demo workspace: the same change, made the same way (API key or user, single or
// bulk), must reach the same webhooks with the same body — key order, types, values that can repeat —
// the same request head and Twenty's signature.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { memberActor } from '@/sandbox/records/members';
import { parseOpportunityInput } from '@/sandbox/records/opportunity-input';
import { MEMBERS } from '@/sandbox/records/seed-names';
import type { Actor } from '@/sandbox/records/types';
import { signTwentyDelivery } from '@/sandbox/webhooks/sign';
import { start } from '@/tests/unit/sandbox/harness';
import {
  CAPTURED_SECRETS_2_21, captured221, captures221, header, headerForm, normalForm, startCatcher, type Delivery,
} from '@/tests/unit/sandbox/webhook-conformance-support';

/** The captures' API key was named "seeding-admin"; writing under that name makes createdBy/updatedBy comparable. */
const API: Actor = { source: 'API', workspaceMemberId: null, name: 'seeding-admin' };
const USER = memberActor(MEMBERS[0]);

type CapturedRecord = { id: string; name: string; amount: { amountMicros: number | null; currencyCode: string | null }; closeDate: string | null; stage: string; position: number };
type Kind = 'create' | 'update' | 'user-update' | 'delete' | 'bulk-delete' | 'restore' | 'bulk-restore' | 'destroy' | 'bulk-destroy' | 'bulk-destroy-deleted';

/** How each captured change was made (real-2.21/latency-steps.json and FINDINGS.md). */
const HOW: Record<string, Kind> = {
  '001-opportunity.created': 'create', '002-opportunity.created': 'create', '003-opportunity.created': 'create', '006-opportunity.created': 'create',
  '009-opportunity.destroyed': 'destroy', '010-opportunity.destroyed': 'destroy',
  '011-opportunity.updated': 'update', '012-opportunity.updated': 'update', '013-opportunity.updated': 'update', '014-opportunity.updated': 'update',
  '017-opportunity.deleted': 'delete', '018-opportunity.deleted': 'delete', '019-opportunity.restored': 'restore', '020-opportunity.restored': 'restore',
  '021-opportunity.destroyed': 'destroy', '022-opportunity.destroyed': 'destroy',
  '029-opportunity.deleted': 'bulk-delete', '030-opportunity.deleted': 'bulk-delete', '035-opportunity.restored': 'bulk-restore', '038-opportunity.restored': 'bulk-restore',
  '049-opportunity.destroyed': 'bulk-destroy', '050-opportunity.destroyed': 'bulk-destroy',
  '063-opportunity.destroyed': 'bulk-destroy-deleted', '064-opportunity.destroyed': 'bulk-destroy-deleted',
  '390-opportunity.updated': 'user-update', '394-opportunity.updated': 'update',
};
/** The other records of each captured bulk call (ids from latency-steps.json), so "the first" is the same one. */
const BULK_PEERS: Record<string, string[]> = {
  '63160920-9fe7-497b-a661-7e3100f8aae1': ['dff8841c-0000-4000-8000-000000000001', 'f10bea9a-0000-4000-8000-000000000002'],
  '52c7c1d0-f255-4d3b-8a8f-77841c754dbd': ['d2dd37f2-0000-4000-8000-000000000003', 'c4efb72d-0000-4000-8000-000000000004'],
};

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeEach(async () => {
  catcher = await startCatcher();
  sandbox = await start({ opportunities: 0 });
  // The three webhooks of the capture run (webhook-create-*.json), made as createWebhook makes them.
  const hooks = sandbox.workspace.metadata.webhooks;
  hooks.create({ targetUrl: `${catcher.base}/hook`, operations: ['*.*'], description: 'raw catcher', secret: CAPTURED_SECRETS_2_21['/hook'] });
  hooks.create({ targetUrl: `${catcher.base}/hook-nosecret`, operations: ['opportunity.*'], description: 'no secret given' });
  hooks.create({ targetUrl: `${catcher.base}/hook-fail`, operations: ['opportunity.updated'], description: 'answers 500', secret: CAPTURED_SECRETS_2_21['/hook-fail'] });
});

afterEach(async () => {
  await sandbox.close();
  await catcher.close();
});

/** The record before the captured change: what updatedFields names is set to something else. */
function before(record: CapturedRecord, updatedFields: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = { id: record.id, name: record.name, amount: record.amount, closeDate: record.closeDate, stage: record.stage, position: record.position };
  if (updatedFields.includes('stage')) input.stage = record.stage === 'NEW' ? 'SCREENING' : 'NEW';
  if (updatedFields.includes('amount')) input.amount = { ...record.amount, amountMicros: (record.amount.amountMicros ?? 0) - 1_234_567 };
  if (updatedFields.includes('name')) input.name = 'Before the rename';
  return input;
}

function replay(kind: Kind, record: CapturedRecord, updatedFields: string[]): void {
  const { writes, bulkWrites } = sandbox.workspace;
  const create = (input: Record<string, unknown>) => writes.create([parseOpportunityInput(input)], API);
  const after = { name: record.name, amount: record.amount, stage: record.stage };
  const peers = BULK_PEERS[record.id] ?? [];
  const ids = { id: { in: [record.id, ...peers] } };
  if (kind === 'create') create(before(record, []));
  else if (kind === 'update' || kind === 'user-update') {
    create(before(record, updatedFields));
    writes.update(record.id, parseOpportunityInput(Object.fromEntries(Object.entries(after).filter(([k]) => updatedFields.includes(k)))), kind === 'update' ? API : USER);
  } else {
    create(before(record, []));
    peers.forEach((id, i) => create({ id, name: `${record.name} peer ${i}`, amount: record.amount, stage: record.stage }));
    if (kind === 'delete' || kind === 'restore') writes.softDelete(record.id, API);
    if (kind === 'restore') writes.restore(record.id, API);
    if (kind === 'bulk-delete' || kind === 'bulk-restore' || kind === 'bulk-destroy-deleted') bulkWrites.softDelete(ids, API);
    if (kind === 'bulk-restore') bulkWrites.restore(ids, API);
    if (kind === 'destroy') writes.destroy(record.id, API);
    if (kind === 'bulk-destroy' || kind === 'bulk-destroy-deleted') bulkWrites.destroy(ids, API);
  }
}

const opportunityCaptures = captures221().filter((name) => name.includes('-opportunity.'));

test('every captured opportunity delivery has a replay', () => {
  expect(opportunityCaptures.filter((name) => HOW[name] === undefined)).toEqual([]);
  expect(opportunityCaptures.length).toBe(26);
});

test.each(opportunityCaptures)('%s: same body, head and signature scheme as the real delivery', async (name) => {
  const real = captured221(name);
  const record = real.body.record as CapturedRecord;
  const updatedFields = (real.body.updatedFields as string[] | undefined) ?? [];
  const kind = HOW[name] ?? 'create';
  replay(kind, record, updatedFields);
  await sandbox.close();

  const eventName = String(real.body.eventName);
  const matching = catcher.received.filter((d) => d.path === real.path && d.body.eventName === eventName);
  const ours = matching.filter((d) => (d.body.record as { id: string }).id === record.id);
  expect(ours).toHaveLength(1);
  const delivery = ours[0] as Delivery;
  if (kind === 'bulk-destroy' || kind === 'bulk-destroy-deleted') expect(matching).toHaveLength(1);

  // Body: key order, types and every value that can repeat. The demo's first member is "Alex Rivera"
  // where Twenty's seed has "Tim Apple" (same workspace-member id and user id).
  const expected = structuredClone(real.body) as { record: { updatedBy: { name: string } } };
  if (kind === 'user-update') expected.record.updatedBy.name = USER.name;
  expect(JSON.stringify(normalForm(delivery.body))).toBe(JSON.stringify(normalForm(expected)));
  expect(delivery.rawBody).toBe(JSON.stringify(delivery.body));

  // Head: the same header names in the same order, the same fixed values.
  expect(headerForm(delivery.headers)).toEqual(headerForm(real.headers));

  // Signature: Twenty's scheme, keyed with each webhook's secret (the generated one for /hook-nosecret).
  const secret = sandbox.workspace.metadata.webhooks.list().find((w) => w.targetUrl.endsWith(real.path))?.secret ?? '';
  const timestamp = Number(header(delivery, 'X-Twenty-Webhook-Timestamp'));
  expect(header(delivery, 'X-Twenty-Webhook-Signature')).toBe(signTwentyDelivery(secret, timestamp, delivery.rawBody)['X-Twenty-Webhook-Signature']);
});

test.each(captures221())('%s: the captured signature is what the sandbox signer computes', (name) => {
  const real = captured221(name);
  const signed = signTwentyDelivery(CAPTURED_SECRETS_2_21[real.path] ?? '', Number(header(real, 'X-Twenty-Webhook-Timestamp')), real.rawBody);
  expect(signed['X-Twenty-Webhook-Signature']).toBe(header(real, 'X-Twenty-Webhook-Signature'));
});

test('user-made changes name the user, API-key changes do not (390 vs 011)', async () => {
  const [user, key] = [captured221('390-opportunity.updated').body, captured221('011-opportunity.updated').body];
  expect(Object.keys(user)).toEqual(['targetUrl', 'eventName', 'objectMetadata', 'workspaceId', 'webhookId', 'eventDate', 'userId', 'workspaceMemberId', 'record', 'updatedFields']);
  expect(Object.keys(key)).toEqual(['targetUrl', 'eventName', 'objectMetadata', 'workspaceId', 'webhookId', 'eventDate', 'record', 'updatedFields']);
  replay('user-update', user.record as CapturedRecord, user.updatedFields as string[]);
  await sandbox.close();
  const delivery = catcher.received.find((d) => d.path === '/hook' && d.body.eventName === 'opportunity.updated');
  expect(delivery?.body).toMatchObject({ userId: user.userId, workspaceMemberId: user.workspaceMemberId, updatedFields: ['stage', 'updatedBy'] });
});

test('the failing target gets each event once and is not retried (394)', async () => {
  const real = captured221('394-opportunity.updated');
  replay('update', real.body.record as CapturedRecord, real.body.updatedFields as string[]);
  await sandbox.close();
  expect(catcher.received.filter((d) => d.path === '/hook-fail')).toHaveLength(1);
});
