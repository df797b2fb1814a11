import { expect, test } from 'vitest';
import { verifyTwentyWebhook } from '@/lib/live/webhook/verify';
import { signedInput, withHeaders } from './signed-request';

// Issue 11, item 7: the nonce is not covered by the signature, so a captured delivery resent
// with a fresh nonce must still be caught as a replay (the replay key is the signature).

test('a captured delivery replayed with a new nonce is refused as a replay', async () => {
  const captured = signedInput({ nonce: 'a'.repeat(32) });
  expect(await verifyTwentyWebhook(captured)).toMatchObject({ ok: true });
  for (const nonce of ['b'.repeat(32), 'c'.repeat(40)]) {
    const replay = withHeaders(captured, (h) => h.set('X-Twenty-Webhook-Nonce', nonce));
    expect(await verifyTwentyWebhook(replay)).toEqual({ ok: false, status: 401, reason: 'replay' });
  }
});

test('two different deliveries that happen to share a nonce are both accepted', async () => {
  const first = signedInput({ nonce: 'd'.repeat(32), body: '{"eventName":"opportunity.updated","record":{"id":"1"}}' });
  const second = signedInput({ nonce: 'd'.repeat(32), body: '{"eventName":"opportunity.updated","record":{"id":"2"}}' }, { nonces: first.nonces });
  // Either may be a payload the parser refuses (400); what matters is that neither is a replay.
  expect(await verifyTwentyWebhook(first)).not.toMatchObject({ reason: 'replay' });
  expect(await verifyTwentyWebhook(second)).not.toMatchObject({ reason: 'replay' });
});
