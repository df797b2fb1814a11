import { expect, test } from 'vitest';
import { parseMicros } from '@/lib/webhooks/micros';
import { parseWebhookPayload } from '@/lib/webhooks/payload';

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
    event: { objectName: 'person', action: 'upserted', eventDate: null, updatedFields: null, record: null },
  });
});

test('shapes that are neither form are refused', () => {
  for (const bad of [null, 42, 'opportunity.updated', [], {}, { eventName: 'opportunity.updated' }, { eventName: 7, record: {} }, { event: 'x.y', data: [] }]) {
    expect(parseWebhookPayload(bad), JSON.stringify(bad)).toEqual({ ok: false });
  }
});
