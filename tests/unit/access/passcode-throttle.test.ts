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
    const reserved = throttle.reserve('ip-a', t0 + i * 1000);
    if (!reserved.allowed) throw new Error(`attempt ${i} refused`);
    reserved.attempt.settle(true, t0 + i * 1000);
  }
  expect(throttle.reserve('ip-a', t0 + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
  // Another client is not affected.
  expect(throttle.reserve('ip-b', t0 + 10_000).allowed).toBe(true);
  // The window slides: once the first failure is a minute old, one more attempt is allowed.
  const again = throttle.reserve('ip-a', t0 + 60_000);
  if (!again.allowed) throw new Error('refused after the window slid');
  again.attempt.settle(true, t0 + 60_000);
  expect(throttle.reserve('ip-a', t0 + 60_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
});

test('an attempt counts from its reservation: five in flight fill the limit; a success leaves no trace', () => {
  const throttle = createAttemptThrottle({ limit: 5, windowMs: 60_000 });
  const inFlight = Array.from({ length: 5 }, () => throttle.reserve('ip-a', 0));
  expect(inFlight.every((r) => r.allowed)).toBe(true);
  expect(throttle.reserve('ip-a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  for (const r of inFlight) if (r.allowed) r.attempt.settle(false, 0);
  expect(throttle.reserve('ip-a', 0).allowed).toBe(true);
  // begin() counts whatever the limit and reports the load, this attempt included.
  expect(throttle.begin('board', 0).load).toBe(1);
  expect(throttle.begin('board', 0).load).toBe(2);
});

test('the throttle forgets old clients and never holds more than maxKeys', () => {
  const throttle = createAttemptThrottle({ limit: 5, windowMs: 60_000, maxKeys: 100 });
  for (let i = 0; i < 1_000; i++) throttle.begin(`ip-${i}`, 0).attempt.settle(true, 0);
  expect(throttle.size()).toBe(100);
  expect(throttle.reserve('ip-999', 61_000).allowed).toBe(true);
  expect(throttle.size()).toBeLessThan(100);
});
