import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { SandboxChange } from '@/sandbox/events';
import { createWebhookDispatcher, type WebhookDispatcherOptions } from '@/sandbox/webhooks/dispatcher';
import { operationsMatchingEvent, operationsMatchingMetadataEvent, targetWantsMetadataEvent } from '@/sandbox/webhooks/operations';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { verifyTwentyWebhook } from '@/lib/live/webhook/verify';
import { readRealFixtureBody } from '@/tests/unit/live/webhook/real-deliveries';

type Received = { path: string; headers: Headers; rawBody: Buffer; json: Record<string, unknown> };

const SECRET = 'sandbox-secret';
const realUpdated = JSON.parse(readRealFixtureBody('webhooks', '003-opportunity.updated')) as Record<string, unknown>;
const realRecord = realUpdated.record as Record<string, unknown>;

let server: Server;
let base: string;
let received: Received[];

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '');
  return headers;
}

beforeEach(async () => {
  received = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      received.push({ path: request.url ?? '', headers: headersOf(request), rawBody, json: JSON.parse(rawBody.toString('utf8')) as Record<string, unknown> });
      response.statusCode = request.url === '/fail' ? 500 : 200;
      setTimeout(() => response.end('ok'), request.url === '/slow' ? 300 : 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function change(action: SandboxChange['action'], id: string, extra: Partial<SandboxChange> = {}): SandboxChange {
  return { action, objectName: 'opportunity', objectMetadataId: '878eee33-2b26-4f96-af5b-e36e2ad65970', record: { ...realRecord, id }, ...extra };
}

type Target = { url: string; operations: string[] };
type DispatcherOverrides = Partial<Omit<WebhookDispatcherOptions, 'targets'>> & { targets?: Target[]; secret?: string | null };

function dispatcher(overrides: DispatcherOverrides = {}) {
  const { targets: given, secret, ...rest } = overrides;
  const targets = (given ?? [
    { url: `${base}/all-opportunity`, operations: ['opportunity.*'] },
    { url: `${base}/updates-only`, operations: ['*.updated'] },
    { url: `${base}/companies`, operations: ['company.created', 'company.*'] },
    { url: `${base}/fail`, operations: ['*.*'] },
  ]).map((t, i) => ({ ...t, id: `c053c97a-b9e9-4288-b79e-dd6ce11163${String(i).padStart(2, '0')}`, secret: secret === undefined ? SECRET : secret }));
  return createWebhookDispatcher({
    targets: () => targets,
    version: 'current',
    workspaceId: '20202020-1c25-4d02-bf25-6aeccf7ea419',
    apiKeyId: 'ac4e7e63-62af-488a-9863-b48166affd14',
    log: () => undefined,
    ...rest,
  });
}

const batch: SandboxChange[] = [
  change('created', 'id-1'),
  change('created', 'id-2'),
  change('updated', 'id-3', { updatedFields: ['amount', 'stage'] }),
  change('deleted', 'id-4'),
  change('restored', 'id-5'),
  change('destroyed', 'id-6'),
];

const byPath = (path: string) => received.filter((delivery) => delivery.path === path);

test('one POST per record per matching target, none for other operations, one attempt at a 500 target', async () => {
  const sender = dispatcher();
  sender.dispatch(batch);
  // Asynchronous: nothing can have arrived before dispatch returned.
  expect(received).toHaveLength(0);
  await sender.close();
  expect(byPath('/all-opportunity').map((delivery) => delivery.json.record)).toHaveLength(6);
  expect(new Set(byPath('/all-opportunity').map((delivery) => (delivery.json.record as { id: string }).id)).size).toBe(6);
  expect(byPath('/updates-only').map((delivery) => delivery.json.eventName)).toEqual(['opportunity.updated']);
  expect(byPath('/companies')).toHaveLength(0);
  // close() resolved once every delivery was answered, and a closed dispatcher sends nothing
  // more: these counts are final, with no pause needed to see whether a retry comes.
  expect(byPath('/fail')).toHaveLength(6);
  expect(sender.stats()).toEqual({ queued: 13, delivered: 7, failed: 6, dropped: 0 });
});

test('each webhook is named in its own deliveries; one eventDate per batch', async () => {
  const sender = dispatcher({ targets: [{ url: `${base}/a`, operations: ['*.*'] }, { url: `${base}/b`, operations: ['*.*'] }] });
  sender.dispatch([change('updated', 'id-1', { updatedFields: ['stage'] }), change('deleted', 'id-2')]);
  await sender.close();
  expect(new Set(byPath('/a').map((d) => d.json.webhookId)).size).toBe(1);
  expect(byPath('/a')[0]?.json.webhookId).not.toBe(byPath('/b')[0]?.json.webhookId);
  expect(new Set(received.map((d) => d.json.eventDate)).size).toBe(1);
  expect(byPath('/a')[0]?.json.targetUrl).toBe(`${base}/a`);
});

test('signed deliveries carry the three headers and verify with the app receiver', async () => {
  const sender = dispatcher();
  sender.dispatch(batch);
  await sender.close();
  const nonces = createMemoryNonceStore(100);
  expect(received.length).toBe(13);
  for (const delivery of received) {
    expect(delivery.headers.get('content-type')).toBe('application/json');
    expect(delivery.headers.get('x-twenty-webhook-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery.headers.get('x-twenty-webhook-nonce')).toMatch(/^[0-9a-f]{32}$/);
    const result = await verifyTwentyWebhook({
      method: 'POST',
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      secret: SECRET,
      now: Date.now(),
      toleranceMs: 60_000,
      maxBytes: 64 * 1024,
      nonces,
    });
    expect(result).toMatchObject({ ok: true, payload: { objectName: 'opportunity' } });
  }
});

test("'0.55' sends amountMicros as a string, current as a number; no secret means no signature headers", async () => {
  const withBigint = { ...realRecord, amount: { amountMicros: 48_000_000_000n, currencyCode: 'USD' } };
  const old = dispatcher({ version: '0.55', secret: null, targets: [{ url: `${base}/old`, operations: ['*.*'] }] });
  const current = dispatcher({ version: 'current', targets: [{ url: `${base}/new`, operations: ['*.*'] }] });
  old.dispatch([change('created', 'id-1', { record: withBigint })]);
  current.dispatch([change('created', 'id-1', { record: withBigint })]);
  await Promise.all([old.close(), current.close()]);
  const [oldDelivery] = byPath('/old');
  const [newDelivery] = byPath('/new');
  expect(oldDelivery?.rawBody.toString('utf8')).toContain('"amount":{"amountMicros":"48000000000","currencyCode":"USD"}');
  expect(newDelivery?.rawBody.toString('utf8')).toContain('"amount":{"amountMicros":48000000000,"currencyCode":"USD"}');
  expect([...(oldDelivery?.headers.keys() ?? [])].filter((name) => name.startsWith('x-twenty'))).toEqual([]);
  expect(newDelivery?.headers.has('x-twenty-webhook-timestamp')).toBe(true);
});

test('an unreachable target is counted as failed and never retried or thrown', async () => {
  const lines: string[] = [];
  const sender = dispatcher({ targets: [{ url: 'http://127.0.0.1:1/nowhere', operations: ['*.*'] }], log: (line) => lines.push(line) });
  sender.dispatch([change('created', 'id-1')]);
  await sender.close();
  expect(sender.stats()).toMatchObject({ queued: 1, delivered: 0, failed: 1 });
  expect(lines).toHaveLength(1);
  sender.dispatch([change('created', 'id-2')]);
  expect(sender.stats().dropped).toBe(1);
});

test('dispatch returns at once while a slow target is still answering; close waits for it', async () => {
  const sender = dispatcher({ targets: [{ url: `${base}/slow`, operations: ['*.*'] }] });
  const started = performance.now();
  sender.dispatch([change('created', 'id-1'), change('created', 'id-2')]);
  expect(performance.now() - started).toBeLessThan(50);
  expect(sender.stats()).toMatchObject({ delivered: 0 });
  await sender.close();
  expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  expect(sender.stats()).toMatchObject({ queued: 2, delivered: 2, failed: 0 });
});

test("operation matching follows Twenty's rules", () => {
  expect(operationsMatchingEvent('opportunity', 'updated')).toEqual(['opportunity.updated', '*.updated', 'opportunity.*', '*.*']);
  expect(operationsMatchingEvent('workflowRun', 'updated')).toEqual(['workflowRun.updated']);
  expect(operationsMatchingMetadataEvent('fieldMetadata', 'updated')).toEqual(['metadata.fieldMetadata.updated', 'metadata.fieldMetadata.*', 'metadata.*.updated', 'metadata.*.*', '*.*']);
  expect(targetWantsMetadataEvent(['opportunity.*', '*.updated'], 'fieldMetadata', 'updated')).toBe(false);
});
