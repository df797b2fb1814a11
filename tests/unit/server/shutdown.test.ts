import { expect, test } from 'vitest';
import { createShutdown, SHUTDOWN_GRACE_MS } from '@/lib/server/shutdown';

// SIGTERM/SIGINT (issue 11, item 6): streams end at once, background work stops, and the process
// exits within a few seconds even when a connection would keep it alive.

function rig() {
  const calls: string[] = [];
  const timers: { ms: number; fire: () => void; unref: boolean }[] = [];
  const shutdown = createShutdown({
    endStreams: () => (calls.push('streams'), 3),
    stopWork: () => void calls.push('work'),
    exit: (code) => void calls.push(`exit ${code}`),
    log: (fields) => void calls.push(`log ${String(fields.msg)} ${String(fields.streamsEnded)}`),
    setTimer: (fire, ms) => {
      const timer = { ms, fire, unref: false };
      timers.push(timer);
      return { unref: () => void (timer.unref = true) };
    },
  });
  return { calls, timers, shutdown };
}

test('SIGTERM: every stream ends at once, background work stops, exit 143 after the grace period at most', async () => {
  const { calls, timers, shutdown } = rig();
  shutdown('SIGTERM');
  await Promise.resolve();
  await Promise.resolve();
  expect(calls).toEqual(['streams', 'log shutting down 3', 'work']);
  expect(timers).toHaveLength(1);
  expect(timers[0]?.ms).toBe(SHUTDOWN_GRACE_MS);
  expect(SHUTDOWN_GRACE_MS).toBeLessThanOrEqual(5_000);
  expect(timers[0]?.unref).toBe(true); // a process with nothing left open ends sooner on its own
  timers[0]?.fire();
  expect(calls.at(-1)).toBe('exit 143');
});

test('SIGINT exits 130; a second signal does nothing more', () => {
  const { calls, timers, shutdown } = rig();
  shutdown('SIGINT');
  shutdown('SIGTERM');
  expect(calls.filter((c) => c === 'streams')).toHaveLength(1);
  expect(timers).toHaveLength(1);
  timers[0]?.fire();
  expect(calls.at(-1)).toBe('exit 130');
});
