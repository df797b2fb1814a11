import { expect, test } from 'vitest';
import { createRedisNonceStore } from '@/lib/cache/redis/nonce-store';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { verifyTwentyWebhook } from '@/lib/live/webhook/verify';
import { signedInput, withHeaders } from '@/tests/unit/live/webhook/signed-request';
import { instances, redisServerForFile } from './harness';

// Issue 11, item 7 across instances: a delivery accepted by one instance and replayed to another
// with a fresh nonce is refused there too (the shared key is the signature, not the nonce).

const harness = redisServerForFile();

test('replayed to another instance with a new nonce: 401 replay', async () => {
  const [a, b] = await instances(harness, 2);
  if (!a || !b) throw new Error('no instances');
  const storeA = createRedisNonceStore({ redis: a, fallback: createMemoryNonceStore(100) });
  const storeB = createRedisNonceStore({ redis: b, fallback: createMemoryNonceStore(100) });
  const captured = signedInput({ nonce: 'e'.repeat(32) }, { nonces: storeA });
  expect(await verifyTwentyWebhook(captured)).toMatchObject({ ok: true });
  const replay = withHeaders({ ...captured, nonces: storeB }, (h) => h.set('X-Twenty-Webhook-Nonce', 'f'.repeat(32)));
  expect(await verifyTwentyWebhook(replay)).toEqual({ ok: false, status: 401, reason: 'replay' });
});
