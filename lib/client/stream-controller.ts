import type { Snapshot } from '@/lib/pipeline/types';
import { parseSnapshot, parseSnapshotJson } from '@/lib/pipeline/snapshot-schema';
import {
  STREAM_TIMING,
  initialStreamState,
  nextStreamState,
  reconnectDelayMs,
  shouldAcceptSnapshot,
  shouldRetrySseAfterPoll,
  type StreamEvent,
  type StreamState,
} from '@/lib/client/stream-state';

// Runs the connection policy of stream-state.ts against real EventSource, fetch and timers.
// Everything from the browser is injected so the same code runs under test with fakes.

/** The part of the browser's EventSource this controller uses. */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
};

export type StreamEnvironment = {
  createEventSource(url: string): EventSourceLike;
  fetchText(url: string): Promise<{ ok: boolean; text: string }>;
  now(): number;
  random(): number;
  isOnline(): boolean;
  /** Calls back with the new online flag; returns an unsubscribe function. */
  onNetworkChange(listener: (online: boolean) => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
};

export type StreamControllerOptions = {
  initial: Snapshot;
  eventsUrl: string;
  jsonUrl: string;
  env: StreamEnvironment;
  onSnapshot(snapshot: Snapshot): void;
  onState(state: StreamState): void;
};

const TICK_MS = 5_000;

export function startSnapshotStream(opts: StreamControllerOptions): { stop(): void } {
  const { env } = opts;
  let state = initialStreamState(env.isOnline());
  let snapshot = opts.initial;
  let source: EventSourceLike | null = null;
  let stopped = false;
  const timers = { reconnect: null as unknown, watchdog: null as unknown, poll: null as unknown, tick: null as unknown };

  const clear = (name: keyof typeof timers) => {
    if (timers[name] !== null) env.clearTimer(timers[name]);
    timers[name] = null;
  };

  const dispatch = (event: StreamEvent) => {
    const next = nextStreamState(state, event);
    if (next !== state) {
      state = next;
      opts.onState(state);
    }
  };

  const offer = (incoming: Snapshot | null) => {
    if (incoming && shouldAcceptSnapshot(snapshot, incoming)) {
      snapshot = incoming;
      opts.onSnapshot(incoming);
    }
  };

  const armWatchdog = () => {
    clear('watchdog');
    timers.watchdog = env.setTimer(() => lose('watchdog-expired'), STREAM_TIMING.watchdogMs);
  };

  const received = () => {
    dispatch({ type: 'sse-message', at: env.now() });
    armWatchdog();
    if (!state.polling) clear('poll');
  };

  const connect = () => {
    clear('reconnect');
    if (stopped || source) return;
    const es = env.createEventSource(opts.eventsUrl);
    source = es;
    dispatch({ type: 'sse-open', at: env.now() });
    es.addEventListener('snapshot', (event) => {
      if (source !== es) return;
      offer(parseSnapshotJson(event.data));
      received();
    });
    es.addEventListener('heartbeat', () => {
      if (source === es) received();
    });
    // The browser would retry on its own, but with its own timing; we close and follow our policy.
    es.onerror = () => {
      if (source === es) lose('sse-error');
    };
    armWatchdog();
  };

  const poll = async () => {
    timers.poll = null;
    if (stopped || !state.polling) return;
    try {
      const response = await env.fetchText(opts.jsonUrl);
      if (stopped) return;
      let parsed: Snapshot | null = null;
      if (response.ok) {
        try {
          parsed = parseSnapshot(JSON.parse(response.text));
        } catch {
          parsed = null;
        }
      }
      offer(parsed);
      const retrySse = shouldRetrySseAfterPoll(state, parsed !== null);
      dispatch({ type: parsed ? 'poll-ok' : 'poll-failed', at: env.now() });
      if (retrySse && !source) connect();
    } catch {
      if (stopped) return;
      dispatch({ type: 'poll-failed', at: env.now() });
    }
    if (!stopped && state.polling && timers.poll === null) timers.poll = env.setTimer(() => void poll(), STREAM_TIMING.pollIntervalMs);
  };

  function lose(type: 'sse-error' | 'watchdog-expired') {
    source?.close();
    source = null;
    clear('watchdog');
    const wasPolling = state.polling;
    dispatch({ type, at: env.now() });
    if (state.polling && !wasPolling) void poll();
    clear('reconnect');
    timers.reconnect = env.setTimer(connect, reconnectDelayMs(state, env.random()));
  }

  const tick = () => {
    dispatch({ type: 'tick', at: env.now() });
    timers.tick = env.setTimer(tick, TICK_MS);
  };

  const unsubscribeNetwork = env.onNetworkChange((online) => {
    dispatch({ type: 'network', online, at: env.now() });
    // Back online: try at once instead of waiting out a long backoff.
    if (online && !source) connect();
  });

  opts.onState(state);
  connect();
  timers.tick = env.setTimer(tick, TICK_MS);

  return {
    stop() {
      stopped = true;
      source?.close();
      source = null;
      (Object.keys(timers) as Array<keyof typeof timers>).forEach(clear);
      unsubscribeNetwork();
    },
  };
}
