import { expect, test } from 'vitest';
import { attackDelayMs, createPasscodeGuard, type GuardVerdict } from '@/lib/access/passcode-guard';

// The passcode rules (issue 11, items 3 and 4): brute force stays expensive, but the right
// passcode is never refused because of other addresses' failures, and concurrent guesses
// cannot overrun the limits. The clock and the waits are injected: no real time passes.

const RIGHT = 'correct horse';

function guardWithClock() {
  const clock = { t: 1_000_000 };
  const waits: number[] = [];
  const guard = createPasscodeGuard({
    perAddressLimit: 5,
    perDashboardLimit: 30,
    windowMs: 60_000,
    maxDelayMs: 2_000,
    now: () => clock.t,
    sleep: async (ms) => void waits.push(ms),
  });
  const evaluated: string[] = [];
  /** A check that takes a while (as scrypt does) until `release` lets it finish. */
  let gate: Promise<void> = Promise.resolve();
  const attempt = (address: string, passcode: string): Promise<GuardVerdict> =>
    guard.attempt('board', address, async () => {
      evaluated.push(`${address}:${passcode}`);
      await gate;
      return passcode === RIGHT;
    });
  const hold = () => {
    let release = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));
    return () => release();
  };
  return { clock, waits, evaluated, attempt, hold };
}

test('per address: five failures a minute, then 429 for that address only, the right passcode included', async () => {
  const { attempt, clock } = guardWithClock();
  for (let i = 0; i < 5; i++) expect(await attempt('198.51.100.1', `guess-${i}`)).toEqual({ ok: false, reason: 'wrong_passcode' });
  expect(await attempt('198.51.100.1', RIGHT)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });
  expect(await attempt('198.51.100.2', RIGHT)).toEqual({ ok: true });
  clock.t += 60_000;
  expect(await attempt('198.51.100.1', RIGHT)).toEqual({ ok: true });
});

test("per dashboard: past 30 failures a minute every attempt waits (up to 2 s) but is still evaluated; the right passcode still opens", async () => {
  const { attempt, waits, evaluated } = guardWithClock();
  // Seven addresses, five wrong guesses each: 35 failures on the dashboard in the minute.
  for (let a = 0; a < 7; a++) for (let i = 0; i < 5; i++) await attempt(`203.0.113.${a}`, `guess-${i}`);
  expect(evaluated).toHaveLength(35);
  // The first 30 went straight to the check; each one past them waited a little longer.
  expect(waits).toEqual([100, 200, 300, 400, 500]);
  expect(await attempt('192.0.2.99', RIGHT)).toEqual({ ok: true });
  expect(waits.at(-1)).toBe(600); // it waited…
  expect(evaluated.at(-1)).toBe(`192.0.2.99:${RIGHT}`); // …and was evaluated
});

test('the wait grows with the attack and never exceeds the maximum', () => {
  expect(attackDelayMs(30, 30, 2_000)).toBe(0);
  expect(attackDelayMs(31, 30, 2_000)).toBe(100);
  expect(attackDelayMs(40, 30, 2_000)).toBe(1_000);
  expect(attackDelayMs(500, 30, 2_000)).toBe(2_000);
});

test('10 concurrent guesses from one address: 5 evaluated, 5 refused before the check', async () => {
  const { attempt, evaluated, hold } = guardWithClock();
  const release = hold();
  const pending = Array.from({ length: 10 }, (_, i) => attempt('198.51.100.7', `guess-${i}`));
  release();
  const verdicts = await Promise.all(pending);
  expect(evaluated).toHaveLength(5);
  expect(verdicts.filter((v) => !v.ok && v.reason === 'wrong_passcode')).toHaveLength(5);
  expect(verdicts.filter((v) => !v.ok && v.reason === 'throttled')).toHaveLength(5);
});

test('40 concurrent guesses from 4 addresses: 20 evaluated', async () => {
  const { attempt, evaluated, hold } = guardWithClock();
  const release = hold();
  const pending = Array.from({ length: 40 }, (_, i) => attempt(`198.51.100.${i % 4}`, `guess-${i}`));
  release();
  await Promise.all(pending);
  expect(evaluated).toHaveLength(20);
});

test('a right passcode in flight does not count as a failure once it succeeds', async () => {
  const { attempt } = guardWithClock();
  for (let i = 0; i < 4; i++) await attempt('198.51.100.8', `guess-${i}`);
  expect(await attempt('198.51.100.8', RIGHT)).toEqual({ ok: true });
  expect(await attempt('198.51.100.8', 'one-more-wrong')).toEqual({ ok: false, reason: 'wrong_passcode' });
  expect(await attempt('198.51.100.8', RIGHT)).toMatchObject({ reason: 'throttled' });
});
