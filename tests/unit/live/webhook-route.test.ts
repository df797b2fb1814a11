import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { MAX_WEBHOOK_BYTES, handleTwentyWebhook, webhookMethodNotAllowed, type WebhookHandlerDeps } from '@/lib/live/webhook/handler';
import { reportWebhookSetup } from '@/lib/live/webhook/setup';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import type { WebhookEvent } from '@/lib/live/webhook/payload';
import { REAL_FIXTURE_SECRET, loadCaptured221Deliveries, loadCapturedDeliveries } from './webhook/real-deliveries';

// The receiver as the route runs it, with real Request objects signed the way Twenty signs:
// hex HMAC-SHA256 over `${timestamp}:${rawBody}`.

const SECRET = 'route-test-secret';
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const URL_ = 'http://127.0.0.1/api/webhooks/twenty';

const body = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    targetUrl: URL_,
    eventName: 'opportunity.updated',
    objectMetadata: { id: '878eee33-2b26-4f96-af5b-e36e2ad65970', nameSingular: 'opportunity' },
    workspaceId: '20202020-1c25-4d02-bf25-6aeccf7ea419',
    webhookId: 'c053c97a-b9e9-4288-b79e-dd6ce111634a',
    eventDate: '2026-06-15T11:59:59.900Z',
    record: {
      name: 'Secret Deal Name',
      amount: { amountMicros: '48000000000', currencyCode: 'USD' },
      closeDate: '2026-09-30T00:00:00.000Z',
      stage: 'PROPOSAL',
      id: '58a3b88f-f7a5-4578-b7fb-6ba0a699b236',
      createdAt: '2026-06-01T08:00:00.000Z',
      updatedAt: '2026-06-15T11:59:59.800Z',
      deletedAt: null,
      companyId: null,
    },
    updatedFields: ['stage'],
    ...overrides,
  });

function signed(text: string, opts: { ts?: number; secret?: string; nonce?: string; method?: string } = {}): Request {
  const ts = String(opts.ts ?? NOW);
  const signature = createHmac('sha256', opts.secret ?? SECRET).update(`${ts}:${text}`).digest('hex');
  return new Request(URL_, {
    method: opts.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-twenty-webhook-timestamp': ts,
      'x-twenty-webhook-signature': signature,
      'x-twenty-webhook-nonce': opts.nonce ?? randomBytes(16).toString('hex'),
    },
    body: text,
  });
}

function deps(overrides: Partial<WebhookHandlerDeps> = {}) {
  const accepted: { event: WebhookEvent; createdAt: string | null }[] = [];
  const logged: string[] = [];
  const d: WebhookHandlerDeps = {
    secret: SECRET,
    toleranceMs: 300_000,
    nonces: createMemoryNonceStore(100, () => NOW),
    now: () => NOW,
    accept: (event, createdAt) => accepted.push({ event, createdAt }),
    logRejection: (fields) => logged.push(JSON.stringify(fields)),
    ...overrides,
  };
  return { d, accepted, logged };
}

describe('POST /api/webhooks/twenty', () => {
  test('a valid delivery: 202 { ok: true }, handed over with its createdAt', async () => {
    const { d, accepted } = deps();
    const response = await handleTwentyWebhook(signed(body()), d);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.event.record?.stage).toBe('PROPOSAL');
    expect(accepted[0]?.createdAt).toBe('2026-06-01T08:00:00.000Z');
  });

  test("the verifier's codes for invalid deliveries, one log line each without secret or data", async () => {
    const { d, accepted, logged } = deps();
    const nonce = randomBytes(16).toString('hex');
    const cases: [Request, number, string][] = [
      [signed(body(), { secret: 'wrong-secret' }), 401, 'bad_signature'],
      [signed(body(), { ts: NOW - 600_000 }), 401, 'stale_timestamp'],
      [new Request(URL_, { method: 'POST', body: body() }), 401, 'missing_headers'],
      [signed(body(), { nonce }), 202, ''],
      [signed(body(), { nonce }), 401, 'replay'],
      [signed('{"not":"twenty"}'), 400, 'bad_payload'],
      [signed('not json'), 400, 'not_json'],
    ];
    for (const [request, status, reason] of cases) {
      const response = await handleTwentyWebhook(request, d);
      expect(response.status, reason).toBe(status);
      if (reason) expect(await response.json()).toEqual({ error: reason });
    }
    expect(accepted).toHaveLength(1);
    expect(logged).toHaveLength(6);
    expect(logged.join('\n')).not.toMatch(/Secret Deal Name|route-test-secret|wrong-secret/);
  });

  test('without a configured secret every delivery is refused (503 no_secret)', async () => {
    const { d, accepted } = deps({ secret: undefined });
    const response = await handleTwentyWebhook(signed(body()), d);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'no_secret' });
    expect(accepted).toHaveLength(0);
  });

  test('too large: refused by Content-Length before reading, and by counting when it is absent', async () => {
    const { d } = deps();
    const declared = new Request(URL_, { method: 'POST', headers: { 'content-length': String(MAX_WEBHOOK_BYTES + 1) }, body: 'x' });
    expect((await handleTwentyWebhook(declared, d)).status).toBe(413);
    const big = new Uint8Array(MAX_WEBHOOK_BYTES + 10);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 65_536) controller.enqueue(big.slice(i, i + 65_536));
        controller.close();
      },
    });
    const chunked = new Request(URL_, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const response = await handleTwentyWebhook(chunked, d);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'too_large' });
  });

  test('GET (and other methods) answer 405 with Allow: POST', async () => {
    const { d } = deps();
    const response = await handleTwentyWebhook(new Request(URL_, { method: 'GET' }), d);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const direct = webhookMethodNotAllowed();
    expect(direct.status).toBe(405);
    expect(direct.headers.get('allow')).toBe('POST');
    expect(await direct.json()).toEqual({ error: 'method' });
  });

  test('TWENTY_WEBHOOK_ID: a delivery of another webhook is 401 wrong_webhook; ours passes', async () => {
    const ours = 'c053c97a-b9e9-4288-b79e-dd6ce111634a';
    const { d, accepted, logged } = deps({ webhookId: ours });
    const other = await handleTwentyWebhook(signed(body({ webhookId: 'd22c0ef5-7139-40e0-bde0-aaafd4c197ac' })), d);
    expect(other.status).toBe(401);
    expect(await other.json()).toEqual({ error: 'wrong_webhook' });
    const none = await handleTwentyWebhook(signed(body({ webhookId: undefined })), d);
    expect(none.status).toBe(401);
    expect((await handleTwentyWebhook(signed(body()), d)).status).toBe(202);
    expect(accepted).toHaveLength(1);
    expect(logged).toEqual([JSON.stringify({ reason: 'wrong_webhook', status: 401 }), JSON.stringify({ reason: 'wrong_webhook', status: 401 })]);
  });

  test('without TWENTY_WEBHOOK_ID any webhook signed with the secret is taken', async () => {
    const { d, accepted } = deps();
    expect((await handleTwentyWebhook(signed(body({ webhookId: 'd22c0ef5-7139-40e0-bde0-aaafd4c197ac' })), d)).status).toBe(202);
    expect(accepted).toHaveLength(1);
  });

  test('the byte-exact deliveries of a real Twenty 2.21 are answered 202, the metadata event too, with nothing to apply', async () => {
    for (const c of loadCaptured221Deliveries()) {
      const { d, accepted } = deps({ secret: c.secret, now: () => c.timestamp, nonces: createMemoryNonceStore(10, () => c.timestamp) });
      const response = await handleTwentyWebhook(new Request(URL_, { method: c.method, headers: c.headers, body: new Uint8Array(c.rawBody) }), d);
      expect(response.status, c.name).toBe(202);
      expect(accepted).toHaveLength(1);
      if (c.name.includes('metadata.')) expect(accepted[0]?.event).toMatchObject({ objectName: 'metadata.roleTarget', record: null });
      else expect(accepted[0]?.event.record, c.name).not.toBeNull();
    }
  });

  test('the byte-exact deliveries of a real Twenty v0.55 are accepted', async () => {
    const captured = loadCapturedDeliveries().filter((c) => c.signed && c.name.startsWith('webhooks/'));
    expect(captured.length).toBeGreaterThanOrEqual(5);
    for (const c of captured) {
      const { d, accepted } = deps({ secret: REAL_FIXTURE_SECRET, now: () => c.timestamp, nonces: createMemoryNonceStore(10, () => c.timestamp) });
      const request = new Request(URL_, { method: c.method, headers: c.headers, body: new Uint8Array(c.rawBody) });
      const response = await handleTwentyWebhook(request, d);
      expect(response.status, c.name).toBe(202);
      expect(accepted).toHaveLength(1);
      if (c.name.includes('opportunity')) expect(accepted[0]?.createdAt).toBe('2026-11-26T18:52:32.838Z');
    }
  });
});

describe('startup', () => {
  test('a missing secret is reported once, naming the setting and not any value', () => {
    const lines: string[] = [];
    const log = (fields: Record<string, unknown>) => lines.push(JSON.stringify(fields));
    expect(reportWebhookSetup('configured', 300_000, log)).toBe(false);
    expect(reportWebhookSetup(undefined, 300_000, log)).toBe(true);
    expect(reportWebhookSetup(undefined, 300_000, log)).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('TWENTY_WEBHOOK_SECRET');
  });
});
