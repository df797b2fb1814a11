import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Snapshot } from '@/lib/pipeline/types';
import { createOpenStreams } from '@/lib/server/open-streams';
import { HEARTBEAT_MS, snapshotStream } from '@/lib/http/sse';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

// Every stream gives its slot back however it ends (issue 11, item 1), ends when the link or
// session that opened it expires (item 9), and ends at once on shutdown with a retry hint (item 6).
// Fake timers: the heartbeat and expiry clocks are driven by the test, no real time passes.

beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => void vi.useRealTimers());

function rig(over: { endsAt?: number } = {}) {
  const listeners = new Set<(s: Snapshot) => void>();
  const registry = createOpenStreams();
  const abort = new AbortController();
  const ended: string[] = [];
  const stream = snapshotStream({
    initial: sampleSnapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signal: abort.signal,
    onEnd: () => ended.push('released'),
    registry,
    ...over,
  });
  return { stream, listeners, registry, abort, ended };
}

const decoder = new TextDecoder();
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}

test('the client leaving (abort) ends the stream: slot released once, subscriber and heartbeat gone', () => {
  const r = rig();
  expect(r.listeners.size).toBe(1);
  expect(r.registry.size()).toBe(1);
  r.abort.abort();
  r.abort.abort();
  expect(r.ended).toEqual(['released']);
  expect(r.listeners.size).toBe(0);
  expect(r.registry.size()).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
});

test('the reader cancelling ends it the same way', async () => {
  const r = rig();
  await r.stream.cancel();
  expect(r.ended).toEqual(['released']);
  expect(r.listeners.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
});

test('a body nobody reads (a HEAD answered by GET, a dead proxy) is ended after a heartbeat interval', () => {
  const r = rig();
  vi.advanceTimersByTime(HEARTBEAT_MS);
  expect(r.ended).toEqual([]);
  vi.advanceTimersByTime(HEARTBEAT_MS);
  expect(r.ended).toEqual(['released']);
  expect(r.listeners.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
});

test('a reader that keeps reading is never ended for it', async () => {
  const r = rig();
  const reader = r.stream.getReader();
  for (let beat = 0; beat < 10; beat++) {
    while (true) {
      const next = await Promise.race([reader.read(), Promise.resolve('empty' as const)]);
      if (next === 'empty') break;
    }
    vi.advanceTimersByTime(HEARTBEAT_MS);
  }
  expect(r.ended).toEqual([]);
  r.abort.abort();
});

test('the stream ends when the share link or passcode session behind it expires', async () => {
  const r = rig({ endsAt: Date.now() + 15_000 });
  const text = readAll(r.stream);
  vi.advanceTimersByTime(14_999);
  expect(r.ended).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(r.ended).toEqual(['released']);
  expect(await text).toContain('event: snapshot');
  expect(r.listeners.size).toBe(0);
});

test('shutdown ends every open stream at once with a short retry hint, and refuses new ones', async () => {
  const r = rig();
  const text = readAll(r.stream);
  expect(r.registry.endAll()).toBe(1);
  expect(r.ended).toEqual(['released']);
  expect(await text).toMatch(/retry: 1000\n\n$/);
  const late = snapshotStream({ initial: sampleSnapshot, subscribe: () => () => {}, signal: new AbortController().signal, registry: r.registry, onEnd: () => r.ended.push('late') });
  expect(await readAll(late)).toBe('retry: 1000\n\n');
  expect(r.ended).toEqual(['released', 'late']);
});
