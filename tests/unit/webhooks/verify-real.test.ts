import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createMemoryNonceStore } from '@/lib/webhooks/nonce-store';
import { verifyTwentyWebhook, type VerifyInput } from '@/lib/webhooks/verify';
import { loadCapturedDeliveries, REAL_FIXTURE_SECRET, type CapturedDelivery } from '@/tests/unit/webhooks/real-deliveries';

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
