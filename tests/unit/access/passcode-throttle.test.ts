import { expect, test } from 'vitest';
import { hashPasscode, verifyPasscode } from '@/lib/access/passcode';
import { createAttemptThrottle } from '@/lib/access/throttle';
import { PASSCODE_HASH_PATTERN } from '@/lib/config/dashboard-schema';

test('a hashed passcode verifies, a wrong one does not, and the hash never contains it', async () => {
  const hash = await hashPasscode('correct horse', { N: 1024 });
  expect(PASSCODE_HASH_PATTERN.test(hash)).toBe(true);
  expect(hash).not.toContain('correct');
  expect(await verifyPasscode('correct horse', hash)).toBe(true);
  expect(await verifyPasscode('correct hors', hash)).toBe(false);
  expect(await verifyPasscode('Correct horse', hash)).toBe(false);
  expect(await verifyPasscode('', hash)).toBe(false);
});

test('two hashes of the same passcode differ (salted) and both verify', async () => {
  const [a, b] = await Promise.all([hashPasscode('1234', { N: 1024 }), hashPasscode('1234', { N: 1024 })]);
  expect(a).not.toBe(b);
  expect(await verifyPasscode('1234', a)).toBe(true);
  expect(await verifyPasscode('1234', b)).toBe(true);
});

test('a malformed or truncated stored hash never matches', async () => {
  const hash = await hashPasscode('1234', { N: 1024 });
  for (const bad of ['', 'plain-1234', hash.slice(0, -4), hash.replace('scrypt', 'bcrypt'), 'scrypt$1024$8$1$short$short']) {
    expect(await verifyPasscode('1234', bad)).toBe(false);
  }
});

test('the throttle lets five wrong attempts through a minute, then says how long to wait', () => {
  const throttle = createAttemptThrottle({ limit: 5, windowMs: 60_000 });
  const t0 = 1_000_000;
  for (let i = 0; i < 5; i++) {
    expect(throttle.check('ip-a', t0 + i * 1000)).toEqual({ allowed: true });
    throttle.recordFailure('ip-a', t0 + i * 1000);
  }
  expect(throttle.check('ip-a', t0 + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
  // Another client is not affected.
  expect(throttle.check('ip-b', t0 + 10_000)).toEqual({ allowed: true });
  // The window slides: once the first failure is a minute old, one more attempt is allowed.
  expect(throttle.check('ip-a', t0 + 60_000)).toEqual({ allowed: true });
  throttle.recordFailure('ip-a', t0 + 60_000);
  expect(throttle.check('ip-a', t0 + 60_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
});

test('the throttle forgets old clients and never holds more than maxKeys', () => {
  const throttle = createAttemptThrottle({ limit: 5, windowMs: 60_000, maxKeys: 100 });
  for (let i = 0; i < 1_000; i++) throttle.recordFailure(`ip-${i}`, 0);
  expect(throttle.size()).toBe(100);
  expect(throttle.check('ip-999', 61_000)).toEqual({ allowed: true });
  expect(throttle.size()).toBeLessThan(100);
});
