import type { ConnectionState } from '@/lib/client/view-types';
import type { Snapshot } from '@/lib/pipeline/types';

// The live-connection policy as a pure state machine, so every timing rule is unit-tested
// without a browser. The hook feeds it events with timestamps and runs the timers it asks for.

export const STREAM_TIMING = {
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  /** Heartbeats come every 15 s; three missed ones mean the connection is dead though still "open". */
  watchdogMs: 45_000,
  failedConnectsBeforePolling: 3,
  pollIntervalMs: 10_000,
  sseRetryWhilePollingMs: 60_000,
  offlineAfterMs: 120_000,
} as const;

export type StreamState = {
  connection: ConnectionState;
  /** SSE connections in a row that failed before delivering anything. */
  failedConnects: number;
  /** Whether the current SSE connection has delivered a message. */
  deliveredOnThisConnection: boolean;
  polling: boolean;
  lastPollOk: boolean;
  /** Polls in a row that failed; a success after failures means the server is back. */
  pollsFailedInRow: number;
  online: boolean;
  /** Epoch ms of the last snapshot or heartbeat (SSE or poll); 0 before the first. */
  lastMessageAt: number;
  /** Epoch ms of the first failure since data last arrived; null while healthy. */
  failingSince: number | null;
};

export type StreamEvent =
  | { type: 'sse-open'; at: number }
  | { type: 'sse-message'; at: number }
  | { type: 'sse-error'; at: number }
  | { type: 'watchdog-expired'; at: number }
  | { type: 'poll-ok'; at: number }
  | { type: 'poll-failed'; at: number }
  | { type: 'network'; online: boolean; at: number }
  | { type: 'tick'; at: number };

export function initialStreamState(online: boolean): StreamState {
  const state: StreamState = {
    connection: 'reconnecting',
    failedConnects: 0,
    deliveredOnThisConnection: false,
    polling: false,
    lastPollOk: false,
    pollsFailedInRow: 0,
    online,
    lastMessageAt: 0,
    failingSince: null,
  };
  return { ...state, connection: deriveConnection(state, 0) };
}

function deriveConnection(s: Omit<StreamState, 'connection'>, now: number): ConnectionState {
  if (!s.online) return 'offline';
  if (s.failingSince !== null && now - s.failingSince > STREAM_TIMING.offlineAfterMs) return 'offline';
  if (s.deliveredOnThisConnection) return 'live';
  if (s.polling && s.lastPollOk) return 'polling';
  return 'reconnecting';
}

function connectionLost(s: StreamState, at: number): StreamState {
  const failedConnects = s.deliveredOnThisConnection ? 0 : s.failedConnects + 1;
  return {
    ...s,
    failedConnects,
    deliveredOnThisConnection: false,
    polling: s.polling || failedConnects >= STREAM_TIMING.failedConnectsBeforePolling,
    failingSince: s.failingSince ?? at,
  };
}

function apply(s: StreamState, e: StreamEvent): StreamState {
  switch (e.type) {
    case 'sse-open':
      return { ...s, deliveredOnThisConnection: false };
    case 'sse-message':
      // SSE is healthy again: polling stops and the failure count resets.
      return {
        ...s,
        deliveredOnThisConnection: true,
        failedConnects: 0,
        polling: false,
        lastPollOk: false,
        pollsFailedInRow: 0,
        lastMessageAt: e.at,
        failingSince: null,
      };
    case 'sse-error':
    case 'watchdog-expired':
      return connectionLost(s, e.at);
    case 'poll-ok':
      return s.polling ? { ...s, lastPollOk: true, pollsFailedInRow: 0, lastMessageAt: e.at, failingSince: null } : s;
    case 'poll-failed':
      return s.polling ? { ...s, lastPollOk: false, pollsFailedInRow: s.pollsFailedInRow + 1, failingSince: s.failingSince ?? e.at } : s;
    case 'network':
      return { ...s, online: e.online };
    case 'tick':
      return s;
  }
}

export function nextStreamState(s: StreamState, e: StreamEvent): StreamState {
  const next = apply(s, e);
  const connection = deriveConnection(next, e.at);
  return connection === next.connection && next === s ? s : { ...next, connection };
}

/**
 * The first connection attempt of a page, before anything arrived and before anything failed:
 * the badge says "Connecting…", not "Reconnecting…", since nothing was lost yet.
 */
export function isConnecting(s: StreamState): boolean {
  return s.connection === 'reconnecting' && s.lastMessageAt === 0 && s.failedConnects === 0 && s.failingSince === null;
}

/**
 * Whether a poll answer should bring SSE back at once instead of after the 60 s polling retry.
 * Only a success after failed polls counts: the server was away (a restart, a deploy) and is
 * back. Polls that never failed mean SSE is blocked on the way (a buffering proxy), and retrying
 * it on every poll would only churn.
 */
export function shouldRetrySseAfterPoll(before: StreamState, pollOk: boolean): boolean {
  return pollOk && before.polling && before.pollsFailedInRow > 0;
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 30 s; jitter spreads a fleet of TVs. */
export function backoffDelayMs(failedConnects: number, random: number): number {
  const exponent = Math.max(0, failedConnects);
  const ceiling = Math.min(STREAM_TIMING.backoffCapMs, STREAM_TIMING.backoffBaseMs * 2 ** Math.min(exponent, 16));
  const jitter = Math.min(Math.max(random, 0), 1);
  // Between half and the whole ceiling: never a thundering herd, never slower than the cap.
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

/** How long to wait before the next SSE attempt after a loss. */
export function reconnectDelayMs(s: StreamState, random: number): number {
  if (s.polling) return STREAM_TIMING.sseRetryWhilePollingMs;
  return backoffDelayMs(s.failedConnects, random);
}

/**
 * Whether an arriving snapshot should replace the one on screen. An older `asOf` is a late
 * delivery (a poll racing the stream) and must not roll the numbers back.
 */
export function shouldAcceptSnapshot(current: Snapshot, incoming: Snapshot): boolean {
  const currentTime = Date.parse(current.asOf);
  const incomingTime = Date.parse(incoming.asOf);
  if (Number.isNaN(incomingTime)) return false;
  if (Number.isNaN(currentTime)) return true;
  if (incomingTime < currentTime) return false;
  return !(incomingTime === currentTime && incoming.version === current.version && incoming.stale === current.stale);
}
