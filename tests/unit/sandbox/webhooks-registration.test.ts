// Webhook registration: createWebhook/deleteWebhook on /metadata as Twenty 2.21 answers them
// (real-2.21/webhook-create-*.json), and the command-line webhooks (--webhook-url/--webhook-secret).
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { signTwentyDelivery } from '@/sandbox/webhooks/sign';
import { dataOf, fixture, gql, post, start } from '@/tests/unit/sandbox/harness';
import { header, startCatcher, type Delivery } from '@/tests/unit/sandbox/webhook-conformance-support';

type Webhook = { id: string; targetUrl: string; operations: string[]; description: string | null; secret: string; applicationId: string; createdAt: string };
type Capture = { request: { body: { query: string; variables: { i: Record<string, unknown> } } }; response: { body: { data: { createWebhook: Webhook } } } };

const CREATE = 'mutation($i:CreateWebhookInput!){ createWebhook(input:$i){ id targetUrl operations description secret applicationId createdAt } }';
const DELETE = 'mutation($id: UUID!){ deleteWebhook(id: $id){ id targetUrl } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeEach(async () => {
  catcher = await startCatcher();
  sandbox = await start({ opportunities: 10 });
});
afterEach(async () => {
  await sandbox.close();
  await catcher.close();
});

async function createWebhook(input: Record<string, unknown>): Promise<Webhook> {
  return dataOf<{ createWebhook: Webhook }>(await post(sandbox, '/metadata', CREATE, { variables: { i: input } })).createWebhook;
}

function onlyDelivery(): Delivery {
  expect(catcher.received).toHaveLength(1);
  const [delivery] = catcher.received;
  if (!delivery) throw new Error('no delivery');
  return delivery;
}

function isSignedWith(secret: string, delivery: Delivery): boolean {
  const timestamp = Number(header(delivery, 'X-Twenty-Webhook-Timestamp'));
  return header(delivery, 'X-Twenty-Webhook-Signature') === signTwentyDelivery(secret, timestamp, delivery.rawBody)['X-Twenty-Webhook-Signature'];
}

const touchADeal = async () => {
  const id = sandbox.store.opportunities.all().find((r) => r.deletedAt === null)?.id;
  await gql(sandbox, `mutation($id: UUID!, $d: OpportunityUpdateInput!){ updateOpportunity(id: $id, data: $d){ id } }`, { variables: { id, d: { name: 'Touched' } } });
};

test('without a secret, createWebhook generates one (64 lowercase hex) and answers as the capture did', async () => {
  const captured = fixture<Capture>('real-2.21/webhooks/webhook-create-nosecret.json');
  const input = { ...captured.request.body.variables.i, targetUrl: `${catcher.base}/hook-nosecret` };
  const webhook = await createWebhook(input);
  const real = captured.response.body.data.createWebhook;
  expect(Object.keys(webhook)).toEqual(Object.keys(real));
  expect(real.secret).toMatch(/^[0-9a-f]{64}$/);
  expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/);
  expect(webhook).toMatchObject({ targetUrl: input.targetUrl, operations: ['opportunity.*'], description: 'no secret given' });
  expect([webhook.id, webhook.applicationId]).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID)]);
  expect(new Date(webhook.createdAt).toISOString()).toBe(webhook.createdAt);
  expect((await createWebhook({ targetUrl: `${catcher.base}/other`, operations: ['*.*'] })).secret).not.toBe(webhook.secret);
});

test('a given secret comes back in clear, and deliveries to the new webhook are signed with it', async () => {
  const captured = fixture<Capture>('real-2.21/webhooks/webhook-create-catcher.json');
  const webhook = await createWebhook({ ...captured.request.body.variables.i, targetUrl: `${catcher.base}/hook` });
  expect(webhook.secret).toBe('pw-real-webhook-secret-2121');
  await touchADeal();
  await sandbox.close();
  const delivery = onlyDelivery();
  expect(delivery.body).toMatchObject({ eventName: 'opportunity.updated', webhookId: webhook.id, targetUrl: `${catcher.base}/hook` });
  expect(isSignedWith(webhook.secret, delivery)).toBe(true);
});

test('a generated secret signs too: every 2.21 delivery is signed', async () => {
  const webhook = await createWebhook({ targetUrl: `${catcher.base}/hook`, operations: ['*.*'] });
  await touchADeal();
  await sandbox.close();
  expect(isSignedWith(webhook.secret, onlyDelivery())).toBe(true);
});

test('creating a webhook announces nothing, not even to a *.* webhook', async () => {
  await createWebhook({ targetUrl: `${catcher.base}/first`, operations: ['*.*'] });
  await createWebhook({ targetUrl: `${catcher.base}/second`, operations: ['*.*'] });
  await sandbox.close();
  expect(catcher.received).toEqual([]);
});

test('deleteWebhook answers the webhook and stops its deliveries; webhooks lists what is left', async () => {
  const gone = await createWebhook({ targetUrl: `${catcher.base}/gone`, operations: ['*.*'] });
  const kept = await createWebhook({ targetUrl: `${catcher.base}/kept`, operations: ['*.*'] });
  const deleted = dataOf<{ deleteWebhook: { id: string; targetUrl: string } }>(await post(sandbox, '/metadata', DELETE, { variables: { id: gone.id } })).deleteWebhook;
  expect(deleted).toEqual({ id: gone.id, targetUrl: gone.targetUrl });
  const listed = dataOf<{ webhooks: { id: string }[] }>(await post(sandbox, '/metadata', '{ webhooks { id } }')).webhooks;
  expect(listed.map((w) => w.id)).toEqual([kept.id]);
  await touchADeal();
  await sandbox.close();
  expect(catcher.received.map((d) => d.path)).toEqual(['/kept']);
});

test('--webhook-url webhooks keep working: *.*, the given secret, one id per URL, the same ids for the same seed', async () => {
  await sandbox.close();
  const urls = [`${catcher.base}/a`, `${catcher.base}/b`];
  sandbox = await start({ opportunities: 10, webhookUrls: urls, webhookSecret: 'cli-secret' });
  const registered = sandbox.workspace.metadata.webhooks.list();
  expect(registered.map((w) => [w.targetUrl, w.operations, w.secret])).toEqual(urls.map((url) => [url, ['*.*'], 'cli-secret']));
  await touchADeal();
  await sandbox.close();
  expect(catcher.received.map((d) => d.path).sort()).toEqual(['/a', '/b']);
  expect(new Set(catcher.received.map((d) => d.body.webhookId)).size).toBe(2);
  sandbox = await start({ opportunities: 10, webhookUrls: urls, webhookSecret: 'cli-secret' });
  expect(sandbox.workspace.metadata.webhooks.list().map((w) => w.id)).toEqual(registered.map((w) => w.id));
});
