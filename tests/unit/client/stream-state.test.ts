import { expect, test } from 'vitest';
import {
  STREAM_TIMING,
  backoffDelayMs,
  initialStreamState,
  isConnecting,
  nextStreamState,
  reconnectDelayMs,
  shouldAcceptSnapshot,
  shouldRetrySseAfterPoll,
  type StreamEvent,
  type StreamState,
} from '@/lib/client/stream-state';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

const run = (events: StreamEvent[], start: StreamState = initialStreamState(true)) => events.reduce(nextStreamState, start);

test('starts reconnecting, becomes live on the first message, not on open', () => {
  const opened = run([{ type: 'sse-open', at: 1 }]);
  expect(opened.connection).toBe('reconnecting');
  const live = nextStreamState(opened, { type: 'sse-message', at: 2 });
  expect(live.connection).toBe('live');
  expect(live.lastMessageAt).toBe(2);
});

test('starts offline when the browser says it is offline', () => {
  expect(initialStreamState(false).connection).toBe('offline');
});

test('a drop after a healthy connection shows reconnecting and does not count as a failed connect', () => {
  const s = run([{ type: 'sse-open', at: 0 }, { type: 'sse-message', at: 1 }, { type: 'sse-error', at: 2 }]);
  expect(s.connection).toBe('reconnecting');
  expect(s.failedConnects).toBe(0);
  expect(s.failingSince).toBe(2);
  expect(s.lastMessageAt).toBe(1);
});

test('three failed connects in a row switch to polling; a good poll shows polling', () => {
  const failOnce = (at: number): StreamEvent[] => [{ type: 'sse-open', at }, { type: 'sse-error', at: at + 1 }];
  const twice = run([...failOnce(0), ...failOnce(10)]);
  expect(twice.polling).toBe(false);
  const thrice = run(failOnce(20), twice);
  expect(thrice.polling).toBe(true);
  expect(thrice.connection).toBe('reconnecting');
  const polled = nextStreamState(thrice, { type: 'poll-ok', at: 30 });
  expect(polled.connection).toBe('polling');
  expect(polled.failingSince).toBeNull();
});

test('a watchdog expiry is a lost connection like an error', () => {
  const s = run([{ type: 'sse-open', at: 0 }, { type: 'watchdog-expired', at: 45_000 }]);
  expect(s.failedConnects).toBe(1);
  expect(s.connection).toBe('reconnecting');
});

test('SSE recovering while polling stops polling and goes live', () => {
  const polling = run([1, 2, 3].flatMap((i): StreamEvent[] => [{ type: 'sse-open', at: i }, { type: 'sse-error', at: i }]).concat([{ type: 'poll-ok', at: 5 }]));
  expect(polling.connection).toBe('polling');
  const back = run([{ type: 'sse-open', at: 60_000 }, { type: 'sse-message', at: 60_001 }], polling);
  expect(back.polling).toBe(false);
  expect(back.failedConnects).toBe(0);
  expect(back.connection).toBe('live');
});

test('offline after more than two minutes of everything failing, and when the network is down', () => {
  const failing = run([{ type: 'sse-open', at: 0 }, { type: 'sse-error', at: 1_000 }]);
  expect(nextStreamState(failing, { type: 'tick', at: 1_000 + STREAM_TIMING.offlineAfterMs }).connection).toBe('reconnecting');
  expect(nextStreamState(failing, { type: 'tick', at: 1_001 + STREAM_TIMING.offlineAfterMs }).connection).toBe('offline');
  const down = nextStreamState(run([{ type: 'sse-message', at: 0 }]), { type: 'network', online: false, at: 5 });
  expect(down.connection).toBe('offline');
  expect(nextStreamState(down, { type: 'network', online: true, at: 6 }).connection).toBe('live');
});

test('polls that keep failing also end in offline', () => {
  const polling = run([1, 2, 3].flatMap((i): StreamEvent[] => [{ type: 'sse-open', at: i }, { type: 'sse-error', at: i }]));
  const s = run([{ type: 'poll-failed', at: 10_000 }, { type: 'poll-failed', at: 130_000 }], polling);
  expect(s.connection).toBe('offline');
});

test('backoff doubles from 1 s, is capped at 30 s, and jitter stays within half to full', () => {
  expect(backoffDelayMs(0, 1)).toBe(1_000);
  expect(backoffDelayMs(0, 0)).toBe(500);
  expect(backoffDelayMs(1, 1)).toBe(2_000);
  expect(backoffDelayMs(3, 1)).toBe(8_000);
  expect(backoffDelayMs(5, 1)).toBe(30_000);
  expect(backoffDelayMs(50, 1)).toBe(30_000);
  expect(backoffDelayMs(50, 0)).toBe(15_000);
  for (let i = 0; i < 50; i++) {
    const d = backoffDelayMs(4, Math.random());
    expect(d).toBeGreaterThanOrEqual(8_000);
    expect(d).toBeLessThanOrEqual(16_000);
  }
});

test('while polling, SSE is retried every 60 s instead of backing off', () => {
  const polling = run([1, 2, 3].flatMap((i): StreamEvent[] => [{ type: 'sse-open', at: i }, { type: 'sse-error', at: i }]));
  expect(reconnectDelayMs(polling, 0.5)).toBe(STREAM_TIMING.sseRetryWhilePollingMs);
  const oneFailure = run([{ type: 'sse-open', at: 0 }, { type: 'sse-error', at: 1 }]);
  expect(reconnectDelayMs(oneFailure, 1)).toBe(2_000);
});

test('an older snapshot never replaces a newer one; a newer or newly stale one does', () => {
  const older = { ...sampleSnapshot, asOf: '2026-11-26T18:50:00.000Z', version: 'old' };
  const newer = { ...sampleSnapshot, asOf: '2026-11-26T18:55:00.000Z', version: 'new' };
  expect(shouldAcceptSnapshot(sampleSnapshot, older)).toBe(false);
  expect(shouldAcceptSnapshot(sampleSnapshot, newer)).toBe(true);
  expect(shouldAcceptSnapshot(sampleSnapshot, { ...sampleSnapshot })).toBe(false);
  expect(shouldAcceptSnapshot(sampleSnapshot, { ...sampleSnapshot, stale: true, staleReason: 'timeout' })).toBe(true);
  expect(shouldAcceptSnapshot(sampleSnapshot, { ...sampleSnapshot, asOf: 'garbage' })).toBe(false);
});

test('"connecting" only until the first message or the first failure', () => {
  expect(isConnecting(initialStreamState(true))).toBe(true);
  expect(isConnecting(run([{ type: 'sse-open', at: 1 }]))).toBe(true);
  expect(isConnecting(run([{ type: 'sse-open', at: 1 }, { type: 'sse-message', at: 2 }]))).toBe(false);
  expect(isConnecting(run([{ type: 'sse-open', at: 1 }, { type: 'sse-error', at: 2 }]))).toBe(false);
  // Lost after being live: that is reconnecting, never connecting again.
  expect(isConnecting(run([{ type: 'sse-message', at: 2 }, { type: 'sse-error', at: 3 }]))).toBe(false);
  expect(isConnecting(initialStreamState(false))).toBe(false);
});

test('a good poll after failed polls (the server came back) asks for SSE at once; steady good polls do not', () => {
  const fails = (n: number): StreamEvent[] => Array.from({ length: n }, (_, i) => ({ type: 'sse-error' as const, at: i + 1 }));
  const polling = run(fails(3));
  expect(polling.polling).toBe(true);
  expect(shouldRetrySseAfterPoll(polling, true)).toBe(false);
  const down = run([{ type: 'poll-failed', at: 10 }], polling);
  expect(down.pollsFailedInRow).toBe(1);
  expect(shouldRetrySseAfterPoll(down, false)).toBe(false);
  expect(shouldRetrySseAfterPoll(down, true)).toBe(true);
  const back = run([{ type: 'poll-ok', at: 20 }], down);
  expect(back.pollsFailedInRow).toBe(0);
  expect(shouldRetrySseAfterPoll(back, true)).toBe(false);
});
