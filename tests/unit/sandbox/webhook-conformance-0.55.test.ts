// The deliveries captured from the real Twenty v0.55 server (tests/fixtures/twenty/real/webhooks),
// replayed on the demo workspace in `0.55` mode with a `--webhook-url`/`--webhook-secret` webhook:
// the capture's API calls (api-calls.json) on one deal, compared delivery by delivery.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { parseOpportunityInput } from '@/sandbox/records/opportunity-input';
import type { Actor } from '@/sandbox/records/types';
import { signTwentyDelivery } from '@/sandbox/webhooks/sign';
import { start } from '@/tests/unit/sandbox/harness';
import { CAPTURED_SECRET_0_55, captured055, header, headerForm, normalForm, startCatcher, type Delivery } from '@/tests/unit/sandbox/webhook-conformance-support';

const API: Actor = { source: 'API', workspaceMemberId: null, name: 'Fixture capture key' };
const CAPTURES = ['002-opportunity.created', '003-opportunity.updated', '004-opportunity.deleted', '005-opportunity.restored', '006-opportunity.destroyed'];
const DEAL = '58a3b88f-f7a5-4578-b7fb-6ba0a699b236';

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeAll(async () => {
  catcher = await startCatcher();
  sandbox = await start({ opportunities: 0, twentyVersion: '0.55', webhookUrls: [`${catcher.base}/hook`], webhookSecret: CAPTURED_SECRET_0_55 });
  // api-calls.json, in order: create, update stage and amount, soft delete, restore, destroy.
  const { writes } = sandbox.workspace;
  writes.create([parseOpportunityInput({ id: DEAL, name: 'Webhook Fixture Deal', stage: 'NEW', amount: { amountMicros: 12500000000, currencyCode: 'USD' }, closeDate: '2027-03-31T00:00:00.000Z', position: -90 })], API);
  writes.update(DEAL, parseOpportunityInput({ stage: 'PROPOSAL', amount: { amountMicros: 18750000000, currencyCode: 'USD' } }), API);
  writes.softDelete(DEAL, API);
  writes.restore(DEAL, API);
  writes.destroy(DEAL, API);
  await sandbox.close();
});

afterAll(async () => {
  await catcher.close();
});

test('one delivery per captured event, in the captured order', () => {
  expect(catcher.received.map((d) => d.body.eventName)).toEqual(CAPTURES.map((name) => captured055(name).body.eventName));
});

test.each(CAPTURES)('%s: same body, head and signature as the real v0.55 delivery', (name) => {
  const real = captured055(name);
  const delivery = catcher.received.find((d) => d.body.eventName === real.body.eventName) as Delivery;
  // String amountMicros, no updatedBy/ownerId, no updatedFields on delete/restore, join columns swapped on create.
  expect(JSON.stringify(normalForm(delivery.body))).toBe(JSON.stringify(normalForm(real.body)));
  expect(headerForm(delivery.headers)).toEqual(headerForm(real.headers));
  expect(header(delivery, 'User-Agent')).toBe('axios/1.7.3');
  const timestamp = Number(header(delivery, 'X-Twenty-Webhook-Timestamp'));
  expect(header(delivery, 'X-Twenty-Webhook-Signature')).toBe(signTwentyDelivery(CAPTURED_SECRET_0_55, timestamp, delivery.rawBody)['X-Twenty-Webhook-Signature']);
});

test.each(['001-webhook.created', ...CAPTURES])('%s: the captured signature is what the sandbox signer computes', (name) => {
  const real = captured055(name);
  const signed = signTwentyDelivery(CAPTURED_SECRET_0_55, Number(header(real, 'X-Twenty-Webhook-Timestamp')), real.rawBody);
  expect(signed['X-Twenty-Webhook-Signature']).toBe(header(real, 'X-Twenty-Webhook-Signature'));
});

test('v0.55 bulk destroy announces every record (not captured; every other bulk call does)', async () => {
  const local = await startCatcher();
  const old = await start({ opportunities: 0, twentyVersion: '0.55', webhookUrls: [`${local.base}/hook`], webhookSecret: CAPTURED_SECRET_0_55 });
  const ids = old.workspace.writes.create([1, 2, 3].map((i) => parseOpportunityInput({ name: `Bulk ${i}` })), API).map((row) => row.id);
  old.workspace.bulkWrites.destroy({ id: { in: ids } }, API);
  await old.close();
  await local.close();
  expect(local.received.filter((d) => d.body.eventName === 'opportunity.destroyed')).toHaveLength(3);
});
