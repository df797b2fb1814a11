// Metadata events: a `*.*` webhook also receives `metadata.*` deliveries, in their own body shape
// (real-2.21/webhooks/067-metadata.roleTarget.created); `opportunity.*` webhooks do not. The demo
// workspace's metadata change is a stage-option edit (updateOneField): `metadata.fieldMetadata.updated`.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { createWebhookDispatcher } from '@/sandbox/webhooks/dispatcher';
import { signTwentyDelivery } from '@/sandbox/webhooks/sign';
import { start } from '@/tests/unit/sandbox/harness';
import { CAPTURED_SECRETS_2_21, captured221, header, headerForm, startCatcher, type Delivery } from '@/tests/unit/sandbox/webhook-conformance-support';

const real = captured221('067-metadata.roleTarget.created');
const realEvent = real.body.event as Record<string, unknown>;

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeEach(async () => {
  catcher = await startCatcher();
  sandbox = await start({ opportunities: 5 });
  const hooks = sandbox.workspace.metadata.webhooks;
  hooks.create({ targetUrl: `${catcher.base}/hook`, operations: ['*.*'], secret: CAPTURED_SECRETS_2_21['/hook'] });
  hooks.create({ targetUrl: `${catcher.base}/hook-nosecret`, operations: ['opportunity.*'] });
  hooks.create({ targetUrl: `${catcher.base}/hook-metadata`, operations: ['metadata.fieldMetadata.*'] });
});

afterEach(async () => {
  await sandbox.close();
  await catcher.close();
});

function renameFirstStage(): void {
  const { metadata } = sandbox.workspace;
  const field = metadata.stageField();
  const options = metadata.stageOptions().map((o, i) => (i === 0 ? { ...o, label: 'Fresh' } : o));
  metadata.updateField(field.id, { options });
}

test('updateOneField reaches *.* and metadata.* webhooks, never opportunity.* ones', async () => {
  renameFirstStage();
  await sandbox.close();
  expect(catcher.received.map((d) => [d.path, d.body.eventName])).toEqual([
    ['/hook', 'metadata.fieldMetadata.updated'],
    ['/hook-metadata', 'metadata.fieldMetadata.updated'],
  ]);
});

test('the body has the captured metadata shape; an API-key change names the key where a user change names the user', async () => {
  renameFirstStage();
  await sandbox.close();
  const delivery = catcher.received.find((d) => d.path === '/hook') as Delivery;
  // Captured (a user's change): targetUrl eventName workspaceId webhookId eventDate userId event.
  expect(Object.keys(real.body)).toEqual(['targetUrl', 'eventName', 'workspaceId', 'webhookId', 'eventDate', 'userId', 'event']);
  expect(Object.keys(delivery.body)).toEqual(['targetUrl', 'eventName', 'workspaceId', 'webhookId', 'eventDate', 'apiKeyId', 'event']);
  const event = delivery.body.event as Record<string, unknown>;
  expect(Object.keys(event)).toEqual(Object.keys(realEvent));
  expect(event).toMatchObject({ type: 'updated', metadataName: 'fieldMetadata', recordId: sandbox.workspace.metadata.stageField().id });
  const properties = event.properties as { updatedFields: string[]; before: { options: { label: string }[] }; after: { options: { label: string }[] } };
  expect(properties.updatedFields).toEqual(['options']);
  expect([properties.before.options[0]?.label, properties.after.options[0]?.label]).toEqual(['New', 'Fresh']);
  for (const key of ['targetUrl', 'eventName', 'workspaceId', 'webhookId', 'eventDate'] as const) expect(typeof delivery.body[key]).toBe(typeof real.body[key]);
  expect(delivery.body.workspaceId).toBe(sandbox.workspace.metadata.workspaceId);
  expect(headerForm(delivery.headers)).toEqual(headerForm(real.headers));
  const timestamp = Number(header(delivery, 'X-Twenty-Webhook-Timestamp'));
  expect(header(delivery, 'X-Twenty-Webhook-Signature')).toBe(signTwentyDelivery(CAPTURED_SECRETS_2_21['/hook'] ?? '', timestamp, delivery.rawBody)['X-Twenty-Webhook-Signature']);
});

test('a user-made metadata change has exactly the captured top-level keys', async () => {
  const sender = createWebhookDispatcher({
    targets: () => [{ id: 'd22c0ef5-7139-40e0-bde0-aaafd4c197ac', url: `${catcher.base}/hook`, operations: ['*.*'], secret: CAPTURED_SECRETS_2_21['/hook'] ?? null }],
    version: 'current', workspaceId: String(real.body.workspaceId), apiKeyId: 'unused', log: () => undefined,
  });
  sender.dispatchMetadata([{ type: 'created', metadataName: 'roleTarget', recordId: String(realEvent.recordId), properties: realEvent.properties as Record<string, unknown> }], { userId: String(real.body.userId) });
  await sender.close();
  const [delivery] = catcher.received;
  const withoutDate = (body: Record<string, unknown>) => JSON.stringify({ ...body, eventDate: '<iso>' });
  expect(withoutDate(delivery?.body ?? {})).toBe(withoutDate(real.body).replace('http://127.0.0.1:8799', catcher.base));
});

test("a user's updateOneField names the user (userId), as the captured event does", async () => {
  const { metadata } = sandbox.workspace;
  metadata.updateField(metadata.stageField().id, { options: metadata.stageOptions().map((o) => ({ ...o, color: 'green' })) }, { userId: String(real.body.userId) });
  await sandbox.close();
  const delivery = catcher.received.find((d) => d.path === '/hook');
  expect(Object.keys(delivery?.body ?? {})).toEqual(Object.keys(real.body));
  expect(delivery?.body.userId).toBe(real.body.userId);
});

test('v0.55 sent no metadata events', async () => {
  const old = await start({ opportunities: 0, twentyVersion: '0.55', webhookUrls: [`${catcher.base}/old`], webhookSecret: 's' });
  const { metadata } = old.workspace;
  metadata.updateField(metadata.stageField().id, { options: metadata.stageOptions().map((o) => ({ ...o, color: 'green' })) });
  await old.close();
  expect(catcher.received.filter((d) => d.path === '/old')).toEqual([]);
});

test('an edit that changes nothing Twenty compares emits nothing', async () => {
  const { metadata } = sandbox.workspace;
  metadata.updateField(metadata.stageField().id, { options: metadata.stageOptions() });
  await sandbox.close();
  expect(catcher.received).toEqual([]);
});
