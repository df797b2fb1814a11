import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { verifyTwentyWebhook, type VerifyInput } from '@/lib/live/webhook/verify';
import { loadCaptured221Deliveries, loadCapturedDeliveries, real221Webhook, REAL_FIXTURE_SECRET, type CapturedDelivery } from '@/tests/unit/live/webhook/real-deliveries';

const deliveries = loadCapturedDeliveries();
const signed = deliveries.filter((delivery) => delivery.signed);
const unsigned = deliveries.filter((delivery) => !delivery.signed);

function inputFor(delivery: CapturedDelivery, overrides: Partial<VerifyInput> = {}): VerifyInput {
  return {
    method: delivery.method,
    headers: delivery.headers,
    rawBody: delivery.rawBody,
    secret: REAL_FIXTURE_SECRET,
    now: delivery.timestamp,
    toleranceMs: 300_000,
    maxBytes: 64 * 1024,
    nonces: createMemoryNonceStore(100),
    ...overrides,
  };
}

test('the capture holds the 16 signed and 4 unsigned deliveries the README describes', () => {
  expect(signed).toHaveLength(16);
  expect(unsigned.map((delivery) => delivery.name)).toEqual([
    'webhooks-extra/004-opportunity.updated',
    'webhooks-extra/007-opportunity.updated',
    'webhooks-extra/010-opportunity.updated',
    'webhooks-extra/013-opportunity.updated',
  ]);
});

test.each(signed.map((delivery) => [delivery.name, delivery] as const))('accepts real delivery %s', async (_name, delivery) => {
  const result = await verifyTwentyWebhook(inputFor(delivery));
  expect(result).toMatchObject({ ok: true });
  if (!result.ok) return;
  const parsedBody = JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as { eventName: string };
  expect(`${result.payload.objectName}.${result.payload.action}`).toBe(parsedBody.eventName);
});

test.each(unsigned.map((delivery) => [delivery.name, delivery] as const))('rejects unsigned real delivery %s', async (_name, delivery) => {
  expect(await verifyTwentyWebhook(inputFor(delivery))).toEqual({ ok: false, status: 401, reason: 'missing_headers' });
});

test('a real delivery verified with another secret is refused', async () => {
  const [first] = signed;
  if (!first) throw new Error('no signed fixture');
  expect(await verifyTwentyWebhook(inputFor(first, { secret: 'not-the-secret' }))).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
});

test('a real delivery received 6 minutes after it was signed is stale', async () => {
  const [first] = signed;
  if (!first) throw new Error('no signed fixture');
  const result = await verifyTwentyWebhook(inputFor(first, { now: first.timestamp + 360_000 }));
  expect(result).toEqual({ ok: false, status: 401, reason: 'stale_timestamp' });
});

test('parses the real v0.55 opportunity.updated record with its string amountMicros', async () => {
  const delivery = signed.find((candidate) => candidate.name === 'webhooks/003-opportunity.updated');
  if (!delivery) throw new Error('fixture missing');
  const result = await verifyTwentyWebhook(inputFor(delivery));
  expect(result).toEqual({
    ok: true,
    payload: {
      objectName: 'opportunity',
      action: 'updated',
      eventDate: '2026-11-26T18:52:36.476Z',
      updatedFields: ['amount', 'stage'],
      record: {
        id: '58a3b88f-f7a5-4578-b7fb-6ba0a699b236',
        name: 'Webhook Fixture Deal',
        stage: 'PROPOSAL',
        amountMicros: 18_750_000_000n,
        currencyCode: 'USD',
        closeDate: '2027-03-31T00:00:00.000Z',
        deletedAt: null,
        updatedAt: '2026-11-26T18:52:36.412Z',
        companyId: null,
      },
      webhookId: 'c053c97a-b9e9-4288-b79e-dd6ce111634a',
    },
  });
});

test('every real opportunity delivery yields a record; webhook.* deliveries are kept without one', async () => {
  for (const delivery of signed) {
    const result = await verifyTwentyWebhook(inputFor(delivery));
    if (!result.ok) throw new Error(`${delivery.name} rejected: ${result.reason}`);
    if (result.payload.objectName === 'opportunity') {
      expect(typeof result.payload.record?.amountMicros).toBe('bigint');
    } else {
      expect(result.payload).toMatchObject({ objectName: 'webhook', action: 'created', record: null });
    }
  }
});

test('the soft-deleted real record carries deletedAt', async () => {
  const delivery = signed.find((candidate) => candidate.name === 'webhooks/004-opportunity.deleted');
  if (!delivery) throw new Error('fixture missing');
  const result = await verifyTwentyWebhook(inputFor(delivery));
  if (!result.ok) throw new Error(result.reason);
  expect(result.payload.action).toBe('deleted');
  expect(result.payload.record?.deletedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(result.payload.updatedFields).toBeNull();
});

test('accepts the hand-written current-version fixture with its own secret and number amountMicros', async () => {
  const fixture = JSON.parse(
    readFileSync(join(process.cwd(), 'tests/fixtures/twenty/webhook-delivery-opportunity-updated.json'), 'utf8'),
  ) as { secretUsedForThisExample: string; method: string; headers: Record<string, string>; rawBody: string };
  const timestamp = Number(fixture.headers['X-Twenty-Webhook-Timestamp']);
  const result = await verifyTwentyWebhook({
    method: fixture.method,
    headers: new Headers(fixture.headers),
    rawBody: new TextEncoder().encode(fixture.rawBody),
    secret: fixture.secretUsedForThisExample,
    now: timestamp,
    toleranceMs: 300_000,
    maxBytes: 64 * 1024,
    nonces: createMemoryNonceStore(10),
  });
  expect(result).toMatchObject({ ok: true, payload: { objectName: 'opportunity', action: 'updated', updatedFields: ['stage'] } });
  if (!result.ok) return;
  expect(result.payload.record).toMatchObject({ stage: 'CUSTOMER', amountMicros: 150_000_000_000n, companyId: '9b1e2d3c-4f5a-4b6c-8d7e-1f2a3b4c5d6e' });
});

describe('the byte-exact deliveries of a real Twenty 2.21', () => {
  const captured = loadCaptured221Deliveries();
  const input221 = (d: (typeof captured)[number], overrides: Partial<VerifyInput> = {}) => inputFor(d, { secret: d.secret, ...overrides });

  test('all three webhooks of the capture are there, the metadata event and bulk destroys included', () => {
    expect(new Set(captured.map((d) => d.target))).toEqual(new Set(['/hook', '/hook-nosecret', '/hook-fail']));
    expect(captured.some((d) => d.name.includes('metadata.roleTarget.created'))).toBe(true);
    expect(captured.filter((d) => d.name.includes('destroyed')).length).toBeGreaterThan(2);
  });

  test.each(captured.map((d) => [d.name, d] as const))('accepts %s, with its webhookId', async (_name, delivery) => {
    const result = await verifyTwentyWebhook(input221(delivery));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const body = JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as { eventName: string; webhookId: string };
    expect(`${result.payload.objectName}.${result.payload.action}`).toBe(body.eventName);
    expect(result.payload.webhookId).toBe(body.webhookId);
  });

  test('a metadata.* event carries no record: the app is told nothing about any deal', async () => {
    const metadata = captured.find((d) => d.name.includes('metadata.'));
    if (!metadata) throw new Error('no metadata delivery');
    const result = await verifyTwentyWebhook(input221(metadata));
    expect(result).toMatchObject({ ok: true, payload: { objectName: 'metadata.roleTarget', action: 'created', record: null } });
  });

  test('TWENTY_WEBHOOK_ID: the catcher\'s deliveries, signed with the app\'s own secret, are refused as another webhook\'s', async () => {
    const app = real221Webhook('app');
    const catcher = real221Webhook('catcher');
    expect(catcher.secret).toBe(app.secret); // FINDINGS item 8: same secret, different webhook
    for (const delivery of captured.filter((d) => d.target === '/hook')) {
      expect(await verifyTwentyWebhook(input221(delivery, { webhookId: app.id }))).toEqual({ ok: false, status: 401, reason: 'wrong_webhook' });
      expect(await verifyTwentyWebhook(input221(delivery, { webhookId: catcher.id }))).toMatchObject({ ok: true });
    }
  });

  test('the signature is checked before the webhook id: a forged body naming our webhook is still bad_signature', async () => {
    const [first] = captured;
    if (!first) throw new Error('no delivery');
    const result = await verifyTwentyWebhook(input221(first, { secret: 'not-the-secret', webhookId: real221Webhook('app').id }));
    expect(result).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
  });
});
