import { expect, test } from 'vitest';
import { parseMicros } from '@/lib/live/webhook/micros';
import { parseWebhookPayload } from '@/lib/live/webhook/payload';

const opportunity = {
  id: '58a3b88f-f7a5-4578-b7fb-6ba0a699b236',
  name: 'Deal',
  stage: 'MEETING',
  amount: { amountMicros: '48000000000', currencyCode: 'EUR' },
  closeDate: null,
  updatedAt: '2026-11-26T18:52:36.412Z',
  deletedAt: null,
  companyId: 'c1',
  position: 3,
};

test('amountMicros: numbers and numeric strings become exact bigints', () => {
  expect(parseMicros(48_000_000_000)).toBe(48_000_000_000n);
  expect(parseMicros('48000000000')).toBe(48_000_000_000n);
  expect(parseMicros('123456789012345678901234567890')).toBe(123456789012345678901234567890n);
  expect(parseMicros('1500000000.00')).toBe(1_500_000_000n);
  expect(parseMicros('-2500000')).toBe(-2_500_000n);
  expect(parseMicros(null)).toBeNull();
  expect(parseMicros(undefined)).toBeNull();
});

test('amountMicros: fractions, unsafe numbers and junk are refused', () => {
  for (const bad of [1.5, '1.5', '1e9', 2 ** 60, Number.NaN, '', 'USD', true, {}]) {
    expect(parseMicros(bad), String(bad)).toBeUndefined();
  }
});

test("Twenty's form keeps extra keys out and normalises the record", () => {
  const result = parseWebhookPayload({
    targetUrl: 'x',
    eventName: 'opportunity.created',
    objectMetadata: { id: 'm', nameSingular: 'opportunity' },
    eventDate: '2026-01-01T00:00:00.000Z',
    userId: 'u',
    webhookId: 'w-1',
    record: opportunity,
  });
  expect(result).toEqual({
    ok: true,
    event: {
      objectName: 'opportunity',
      action: 'created',
      eventDate: '2026-01-01T00:00:00.000Z',
      updatedFields: null,
      record: {
        id: opportunity.id,
        name: 'Deal',
        stage: 'MEETING',
        amountMicros: 48_000_000_000n,
        currencyCode: 'EUR',
        closeDate: null,
        deletedAt: null,
        updatedAt: opportunity.updatedAt,
        companyId: 'c1',
      },
      webhookId: 'w-1',
    },
  });
});

test('an empty amount (null micros, "" currency) gives nulls', () => {
  const result = parseWebhookPayload({ eventName: 'opportunity.updated', record: { ...opportunity, amount: { amountMicros: null, currencyCode: '' } } });
  expect(result.ok && result.event.record).toMatchObject({ amountMicros: null, currencyCode: null });
  const noAmount = parseWebhookPayload({ eventName: 'opportunity.updated', record: { ...opportunity, amount: null } });
  expect(noAmount.ok && noAmount.event.record).toMatchObject({ amountMicros: null, currencyCode: null });
});

test('the third-party {event, data, timestamp} form is accepted too', () => {
  const result = parseWebhookPayload({ event: 'opportunity.deleted', data: { ...opportunity, deletedAt: '2026-02-02T00:00:00.000Z' }, timestamp: 1_767_866_400_123 });
  expect(result).toMatchObject({
    ok: true,
    event: { objectName: 'opportunity', action: 'deleted', eventDate: '2026-01-08T10:00:00.123Z', record: { deletedAt: '2026-02-02T00:00:00.000Z' } },
  });
});

test('objects no dashboard uses are kept with a null record, unknown actions pass through', () => {
  expect(parseWebhookPayload({ eventName: 'person.upserted', record: { anything: 1 } })).toEqual({
    ok: true,
    event: { objectName: 'person', action: 'upserted', eventDate: null, updatedFields: null, record: null, webhookId: null },
  });
});

test('a Twenty 2.x metadata event (no record, an `event` object) is kept without a record', () => {
  const body = {
    targetUrl: 'http://127.0.0.1:8799/hook',
    eventName: 'metadata.roleTarget.created',
    workspaceId: '20202020-1c25-4d02-bf25-6aeccf7ea419',
    webhookId: 'd22c0ef5-7139-40e0-bde0-aaafd4c197ac',
    eventDate: '2026-11-30T16:17:49.186Z',
    userId: '20202020-9e3b-46d4-a556-88b9ddc2b034',
    event: { type: 'created', recordId: 'cd03d688-acd5-4753-99b9-0ee5b20dafc8', metadataName: 'roleTarget', properties: { after: { id: 'x' } } },
  };
  expect(parseWebhookPayload(body)).toEqual({
    ok: true,
    event: { objectName: 'metadata.roleTarget', action: 'created', eventDate: '2026-11-30T16:17:49.186Z', updatedFields: null, record: null, webhookId: body.webhookId },
  });
  // An opportunity event without its record is still refused: only metadata events come without one.
  expect(parseWebhookPayload({ ...body, eventName: 'opportunity.created' })).toEqual({ ok: false });
});

test('shapes that are neither form are refused', () => {
  for (const bad of [null, 42, 'opportunity.updated', [], {}, { eventName: 'opportunity.updated' }, { eventName: 7, record: {} }, { event: 'x.y', data: [] }]) {
    expect(parseWebhookPayload(bad), JSON.stringify(bad)).toEqual({ ok: false });
  }
});
