import { afterEach, beforeEach, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Snapshot } from '@/lib/pipeline/types';
import type { StreamState } from '@/lib/client/stream-state';
import { startSnapshotStream } from '@/lib/client/stream-controller';
import { virtualEnvironment } from '@/tests/unit/client/virtual-stream-env';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

const settle = () => new Promise((r) => setTimeout(r, 20));
// Waits for a real HTTP round trip, then lets the controller finish handling the response.
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
  await settle();
};

let server: Server;
let base = '';
let served: Snapshot = sampleSnapshot;
let pollHits = 0;
let pollStatus = 200;

beforeEach(async () => {
  pollHits = 0;
  pollStatus = 200;
  served = { ...sampleSnapshot, asOf: '2026-11-26T19:00:00.000Z', version: 'polled' };
  server = createServer((req, res) => {
    pollHits++;
    res.writeHead(pollStatus, { 'content-type': 'application/json' });
    res.end(pollStatus === 200 ? JSON.stringify(served) : '{"error":"down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function start(v: ReturnType<typeof virtualEnvironment>) {
  const states: StreamState[] = [];
  const snapshots: Snapshot[] = [];
  const stream = startSnapshotStream({
    initial: sampleSnapshot,
    eventsUrl: '/events',
    jsonUrl: '/json',
    env: v.env,
    onSnapshot: (s) => snapshots.push(s),
    onState: (s) => states.push(s),
  });
  const state = () => states[states.length - 1];
  return { stream, states, snapshots, state };
}

test('a snapshot event goes live and updates; an older one and a malformed one are ignored', () => {
  const v = virtualEnvironment(base);
  const s = start(v);
  expect(s.state()?.connection).toBe('reconnecting');
  const newer = { ...sampleSnapshot, asOf: '2026-11-26T18:55:00.000Z', version: 'b' };
  v.latest().emit('snapshot', JSON.stringify(newer));
  expect(s.state()?.connection).toBe('live');
  v.latest().emit('snapshot', JSON.stringify({ ...sampleSnapshot, version: 'old' }));
  v.latest().emit('snapshot', '{"not":"a snapshot"}');
  expect(s.snapshots.map((x) => x.version)).toEqual(['b']);
  s.stream.stop();
  expect(v.pending()).toBe(0);
});

test('an error closes the source and reconnects after the backoff, keeping the data', () => {
  const v = virtualEnvironment(base);
  const s = start(v);
  v.latest().emit('heartbeat', '{"at":"2026-11-26T18:52:00.000Z"}');
  const first = v.latest();
  first.fail();
  expect(first.closed).toBe(true);
  expect(s.state()?.connection).toBe('reconnecting');
  v.advance(999);
  expect(v.sources).toHaveLength(1);
  v.advance(1);
  expect(v.sources).toHaveLength(2);
  v.latest().emit('heartbeat', '{}');
  expect(s.state()?.connection).toBe('live');
  s.stream.stop();
});

test('silence for 45 s trips the watchdog; heartbeats keep it quiet', () => {
  const v = virtualEnvironment(base);
  start(v);
  for (let i = 0; i < 5; i++) {
    v.advance(15_000);
    v.latest().emit('heartbeat', '{}');
  }
  expect(v.sources).toHaveLength(1);
  v.advance(45_000);
  expect(v.sources[0]?.closed).toBe(true);
  v.advance(1_000);
  expect(v.sources).toHaveLength(2);
});

test('after three failed connects it polls the JSON every 10 s and retries SSE every 60 s', async () => {
  const v = virtualEnvironment(base);
  const s = start(v);
  v.latest().fail();
  v.advance(2_000);
  v.latest().fail();
  v.advance(4_000);
  v.latest().fail();
  expect(v.sources).toHaveLength(3);
  await until(() => s.state()?.connection === 'polling');
  expect(pollHits).toBe(1);
  expect(s.snapshots.at(-1)?.version).toBe('polled');
  v.advance(10_000);
  await until(() => pollHits === 2);
  for (let hit = 3; hit <= 6; hit++) {
    v.advance(10_000);
    await until(() => pollHits === hit);
  }
  expect(s.state()?.connection).toBe('polling');
  expect(v.sources).toHaveLength(3);
  // 60 s after the last failure the SSE retry fires (alongside the 7th poll).
  v.advance(10_000);
  expect(v.sources).toHaveLength(4);
  v.latest().emit('heartbeat', '{}');
  expect(s.state()?.connection).toBe('live');
  await settle();
  const hitsWhenLive = pollHits;
  v.advance(30_000);
  await settle();
  expect(pollHits).toBe(hitsWhenLive);
  s.stream.stop();
});

test('a failing JSON endpoint too ends in offline after two minutes', async () => {
  pollStatus = 503;
  const v = virtualEnvironment(base);
  const s = start(v);
  for (const wait of [2_000, 4_000]) {
    v.latest().fail();
    v.advance(wait);
  }
  v.latest().fail();
  await until(() => pollHits === 1);
  for (let i = 0; i < 12; i++) {
    v.advance(10_000);
    await until(() => pollHits === i + 2);
  }
  await until(() => s.state()?.connection === 'offline');
  s.stream.stop();
});

test('the network going away shows offline; coming back reconnects at once', () => {
  const v = virtualEnvironment(base);
  const s = start(v);
  v.latest().emit('heartbeat', '{}');
  v.goOffline();
  expect(s.state()?.connection).toBe('offline');
  v.latest().fail();
  v.goOnline();
  expect(v.sources).toHaveLength(2);
  s.stream.stop();
});

test('after a server restart the poll that succeeds again brings SSE back at once, not 60 s later', async () => {
  pollStatus = 503;
  const v = virtualEnvironment(base);
  const s = start(v);
  v.latest().emit('heartbeat', '{}');
  // The server goes away: the stream drops and three reconnects fail.
  v.latest().fail();
  for (const wait of [1_000, 2_000, 4_000]) {
    v.advance(wait);
    v.latest().fail();
  }
  expect(v.sources).toHaveLength(4);
  await until(() => pollHits === 1);
  expect(s.state()?.connection).toBe('reconnecting');
  // Back up: the next poll succeeds and SSE is tried on the spot.
  pollStatus = 200;
  v.advance(10_000);
  await until(() => pollHits === 2);
  expect(v.sources).toHaveLength(5);
  v.latest().emit('heartbeat', '{}');
  expect(s.state()?.connection).toBe('live');
  s.stream.stop();
});

test('while SSE is blocked but polls work, SSE is not retried on every poll', async () => {
  const v = virtualEnvironment(base);
  const s = start(v);
  for (const wait of [2_000, 4_000]) {
    v.latest().fail();
    v.advance(wait);
  }
  v.latest().fail();
  await until(() => pollHits === 1);
  for (let hit = 2; hit <= 5; hit++) {
    v.advance(10_000);
    await until(() => pollHits === hit);
  }
  expect(v.sources).toHaveLength(3);
  expect(s.state()?.connection).toBe('polling');
  s.stream.stop();
});
