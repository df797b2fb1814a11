import { expect, test } from 'vitest';
import { verifyTwentyWebhook, type RejectReason, type VerifyInput } from '@/lib/live/webhook/verify';
import {
  hmacHex,
  MAX_BYTES,
  opportunityBody,
  signedInput,
  TEST_NOW,
  TEST_SECRET,
  TOLERANCE_MS,
  withHeaders,
} from '@/tests/unit/live/webhook/signed-request';

type Case = [name: string, input: () => VerifyInput, status: number, reason: RejectReason];

function flipFirstDigit(body: string): string {
  return body.replace('18750000000', '98750000000');
}

const cases: Case[] = [
  ['wrong method', () => signedInput({}, { method: 'GET' }), 405, 'method'],
  ['PUT instead of POST', () => signedInput({}, { method: 'PUT' }), 405, 'method'],
  ['no configured secret', () => signedInput({}, { secret: undefined }), 503, 'no_secret'],
  ['empty configured secret', () => signedInput({}, { secret: '' }), 503, 'no_secret'],
  ['missing timestamp header', () => withHeaders(signedInput(), (h) => h.delete('X-Twenty-Webhook-Timestamp')), 401, 'missing_headers'],
  ['missing signature header', () => withHeaders(signedInput(), (h) => h.delete('X-Twenty-Webhook-Signature')), 401, 'missing_headers'],
  ['missing nonce header', () => withHeaders(signedInput(), (h) => h.delete('X-Twenty-Webhook-Nonce')), 401, 'missing_headers'],
  ['signature header sent twice', () => withHeaders(signedInput(), (h) => h.append('X-Twenty-Webhook-Signature', 'a'.repeat(64))), 401, 'duplicate_headers'],
  ['timestamp header sent twice', () => withHeaders(signedInput(), (h) => h.append('X-Twenty-Webhook-Timestamp', String(TEST_NOW))), 401, 'duplicate_headers'],
  ['nonce header sent twice', () => withHeaders(signedInput(), (h) => h.append('X-Twenty-Webhook-Nonce', 'b'.repeat(32))), 401, 'duplicate_headers'],
  ['random signature', () => withHeaders(signedInput(), (h) => h.set('X-Twenty-Webhook-Signature', 'c'.repeat(64))), 401, 'bad_signature'],
  ['tampered body, same length', () => ({ ...signedInput(), rawBody: new TextEncoder().encode(flipFirstDigit(opportunityBody())) }), 401, 'bad_signature'],
  ['tampered timestamp inside the window', () => withHeaders(signedInput(), (h) => h.set('X-Twenty-Webhook-Timestamp', String(TEST_NOW - 1))), 401, 'bad_signature'],
  ['signed with another secret', () => signedInput({ signingSecret: 'someone-elses-secret' }), 401, 'bad_signature'],
  ['uppercase hex signature', () => withHeaders(signedInput(), (h) => h.set('X-Twenty-Webhook-Signature', (h.get('X-Twenty-Webhook-Signature') ?? '').toUpperCase())), 401, 'bad_signature'],
  [
    'base64 signature of the right HMAC',
    () => {
      const input = signedInput();
      const hex = input.headers.get('X-Twenty-Webhook-Signature') ?? '';
      return withHeaders(input, (h) => h.set('X-Twenty-Webhook-Signature', Buffer.from(hex, 'hex').toString('base64')));
    },
    401,
    'bad_signature',
  ],
  [
    "signature with '.' instead of ':'",
    () => withHeaders(signedInput(), (h) => h.set('X-Twenty-Webhook-Signature', hmacHex(TEST_SECRET, `${TEST_NOW}.${opportunityBody()}`))),
    401,
    'bad_signature',
  ],
  [
    'signed compact, sent re-serialised with spaces',
    () => ({ ...signedInput(), rawBody: new TextEncoder().encode(JSON.stringify(JSON.parse(opportunityBody()), null, 1)), headers: withHeaders(signedInput(), (h) => h.delete('Content-Length')).headers }),
    401,
    'bad_signature',
  ],
  ['timestamp too old', () => signedInput({ timestamp: String(TEST_NOW - TOLERANCE_MS - 1) }), 401, 'stale_timestamp'],
  ['timestamp too far in the future', () => signedInput({ timestamp: String(TEST_NOW + TOLERANCE_MS + 1) }), 401, 'stale_timestamp'],
  ['timestamp in seconds, not ms', () => signedInput({ timestamp: String(Math.floor(TEST_NOW / 1000)) }), 401, 'stale_timestamp'],
  ['non-numeric timestamp', () => signedInput({ timestamp: 'yesterday' }), 401, 'bad_timestamp'],
  ['ISO timestamp', () => signedInput({ timestamp: new Date(TEST_NOW).toISOString() }), 401, 'bad_timestamp'],
  ['malformed nonce', () => signedInput({ nonce: 'short' }), 401, 'bad_nonce'],
  ['body over the limit by Content-Length', () => withHeaders(signedInput(), (h) => h.set('Content-Length', String(MAX_BYTES + 1))), 413, 'too_large'],
  [
    'body over the limit by actual size',
    () => withHeaders(signedInput({ body: opportunityBody({ name: 'x'.repeat(MAX_BYTES) }) }), (h) => h.delete('Content-Length')),
    413,
    'too_large',
  ],
  ['non-numeric Content-Length', () => withHeaders(signedInput(), (h) => h.set('Content-Length', 'lots')), 400, 'bad_content_length'],
  ['empty body', () => signedInput({ body: '' }), 400, 'empty_body'],
  ['signed body that is not JSON', () => signedInput({ body: 'eventName=opportunity.updated' }), 400, 'not_json'],
  ['signed body that is not UTF-8', () => signedInput({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }), 400, 'not_json'],
  ['signed JSON of the wrong shape', () => signedInput({ body: '{"hello":"world"}' }), 400, 'bad_payload'],
  ['signed JSON array', () => signedInput({ body: '[1,2,3]' }), 400, 'bad_payload'],
  ['eventName without an action', () => signedInput({ body: '{"eventName":"opportunity","record":{}}' }), 400, 'bad_payload'],
  ['opportunity with fractional amountMicros', () => signedInput({ body: opportunityBody({ amount: { amountMicros: '1.5', currencyCode: 'USD' } }) }), 400, 'bad_payload'],
  ['opportunity record without id', () => signedInput({ body: opportunityBody({ id: undefined }) }), 400, 'bad_payload'],
];

test('the table covers at least 20 distinct bad deliveries', () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
});

test.each(cases)('rejects %s', async (_name, makeInput, status, reason) => {
  expect(await verifyTwentyWebhook(makeInput())).toEqual({ ok: false, status, reason });
});

test('the untouched base delivery of the table is accepted', async () => {
  expect(await verifyTwentyWebhook(signedInput())).toMatchObject({ ok: true });
});

test('a timestamp exactly at the tolerance edge is still accepted', async () => {
  expect(await verifyTwentyWebhook(signedInput({ timestamp: String(TEST_NOW - TOLERANCE_MS) }))).toMatchObject({ ok: true });
});

test('a replayed delivery is refused the second time', async () => {
  const first = signedInput();
  expect(await verifyTwentyWebhook(first)).toMatchObject({ ok: true });
  expect(await verifyTwentyWebhook({ ...first })).toEqual({ ok: false, status: 401, reason: 'replay' });
});

test('a forged request does not burn the nonce of the genuine one', async () => {
  const genuine = signedInput({ nonce: 'f'.repeat(32) });
  const forged = withHeaders(genuine, (h) => h.set('X-Twenty-Webhook-Signature', '0'.repeat(64)));
  expect(await verifyTwentyWebhook(forged)).toMatchObject({ reason: 'bad_signature' });
  expect(await verifyTwentyWebhook(genuine)).toMatchObject({ ok: true });
});

test('a failing nonce store refuses with 503 instead of letting a possible replay through', async () => {
  const input = signedInput({}, { nonces: { seen: () => Promise.reject(new Error('redis down')) } });
  expect(await verifyTwentyWebhook(input)).toEqual({ ok: false, status: 503, reason: 'nonce_store_unavailable' });
});
