import { describe, expect, test } from 'vitest';
import type { Fault } from '@/sandbox/index';
import type { StaleReason } from '@/lib/pipeline/types';
import { APP_KEY, SLUG, sleep, stackPerTest, waitFor, type Captured } from '@/tests/unit/trust/harness';

// Every way Twenty can fail, against both emulated versions: the last good numbers stay, marked
// stale with a category; the operator gets one line per change; nobody has to look for the
// wall to heal once Twenty is back.

const FAULTS: [string, Fault, StaleReason][] = [
  ['unreachable (socket closed)', { mode: 'down' }, 'unreachable'],
  ['slower than the timeout', { mode: 'slow', ms: 2_500 }, 'timeout'],
  ['HTTP 500', { mode: 'http-500' }, 'upstream_error'],
  ['malformed JSON', { mode: 'malformed-json' }, 'upstream_error'],
  ['GraphQL errors', { mode: 'graphql-error' }, 'upstream_error'],
  ['revoked key', { mode: 'revoked-key' }, 'auth'],
  ['rate limited, 2.x shape', { mode: 'rate-limited', shape: '2.x', ms: 250 }, 'rate_limited'],
  ['rate limited, 1.x shape', { mode: 'rate-limited', shape: '1.x' }, 'rate_limited'],
  ['rate limited, v0.55 shape', { mode: 'rate-limited', shape: '0.55' }, 'rate_limited'],
];

const start = stackPerTest();

const FRESHNESS = ['asOf', 'stale', 'staleReason', 'staleSince'];
const withoutFreshness = (snapshot: object) => Object.fromEntries(Object.entries(snapshot).filter(([key]) => !FRESHNESS.includes(key)));
const stateLines = (c: Captured) => c.lines().filter((l) => l.event === 'upstream.state');

for (const version of ['current', '0.55'] as const) {
  describe(`Twenty ${version}`, () => {
    for (const [label, fault, reason] of FAULTS) {
      test(`${label}: last good snapshot served stale as "${reason}", one log line, recovery with no viewer`, async () => {
        const { ctx, sandbox, seen, logs } = await start({ sandbox: { twentyVersion: version } });
        const first = await ctx.cache.get(SLUG);
        if (first.state !== 'ready') throw new Error('no first snapshot');
        expect(first.snapshot.stale).toBe(false);

        sandbox.setFault(fault);
        await sleep(60); // past the TTL
        const during = await ctx.cache.get(SLUG); // a viewer: answered at once, refresh in the background
        expect(during.state).toBe('ready');
        const stale = await waitFor(() => seen.find((s) => s.stale), 8_000, 'a stale snapshot');
        expect(stale.staleReason).toBe(reason);
        expect(Date.parse(stale.staleSince ?? '')).toBeGreaterThan(Date.parse(first.snapshot.asOf) - 1);
        // The same numbers, only marked: never a blank chart or a zero.
        expect(withoutFreshness(stale)).toEqual(withoutFreshness(first.snapshot));
        const status = ctx.upstream.status();
        expect(status.state).not.toBe('ok');
        expect(status.lastError).toBe(reason);
        expect(status.nextRetryAt).not.toBeNull();
        if (reason === 'auth') expect(status.state).toBe('down');
        if (reason === 'rate_limited') expect(status.state).toBe('degraded');

        // Let a few retries fail, then bring Twenty back and read nothing more.
        await sleep(700);
        sandbox.setFault({ mode: 'none' });
        const healed = await waitFor(() => seen.find((s) => s !== stale && seen.indexOf(s) > seen.indexOf(stale) && !s.stale), 10_000, 'recovery');
        expect(withoutFreshness(healed)).toEqual(withoutFreshness(first.snapshot));
        expect(ctx.upstream.status()).toMatchObject({ state: 'ok', nextRetryAt: null, consecutiveFailures: 0, lastError: reason });

        // One line per change of state or category, however many attempts failed.
        const lines = stateLines(logs);
        const failures = lines.filter((l) => l.state !== 'ok');
        expect(failures.length).toBeGreaterThanOrEqual(1);
        expect(failures.length).toBeLessThanOrEqual(2); // degraded, then possibly down
        expect(failures.every((l) => l.reason === reason)).toBe(true);
        expect(lines.filter((l) => l.state === 'ok')).toHaveLength(1);
        expect(logs.text()).not.toContain(APP_KEY);
      });
    }
  });
}

test('first start with Twenty down: "waiting" (never an error), then ready by itself once Twenty answers', async () => {
  const { ctx, sandbox, seen } = await start({ sandbox: { fault: { mode: 'down' } } });
  const read = await ctx.cache.get(SLUG);
  expect(read).toMatchObject({ state: 'waiting', reason: 'unreachable' });
  sandbox.setFault({ mode: 'none' });
  const first = await waitFor(() => seen[0], 10_000, 'the first snapshot');
  expect(first.stale).toBe(false);
  expect((await ctx.cache.get(SLUG)).state).toBe('ready');
});

test('retries back off while Twenty is down, however many viewers keep reading', async () => {
  const { ctx, sandbox, logs } = await start({ env: { UPSTREAM_RETRY_MIN_MS: '100', UPSTREAM_RETRY_MAX_MS: '800' } });
  await ctx.cache.get(SLUG);
  sandbox.setFault({ mode: 'down' });
  const callsBefore = ctx.twenty.callCount();
  const until = Date.now() + 3_000;
  let reads = 0;
  while (Date.now() < until) {
    await Promise.all(Array.from({ length: 20 }, () => ctx.cache.get(SLUG)));
    reads += 20;
    await sleep(10);
  }
  const attempts = ctx.twenty.callCount() - callsBefore;
  // 100, 200, 400, 800, 800… ms (+ up to 20 % jitter) in 3 s: about 6 loads, each one or two calls.
  expect(reads).toBeGreaterThan(1_000);
  expect(attempts).toBeGreaterThanOrEqual(3);
  expect(attempts).toBeLessThanOrEqual(16);
  // degraded, then down: a handful of lines at most for the whole outage, not one per attempt.
  const lines = stateLines(logs);
  expect(lines.length, JSON.stringify(lines)).toBeLessThanOrEqual(3);
  expect(lines.every((l) => l.state !== 'ok')).toBe(true);
});
