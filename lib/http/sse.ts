import type { Snapshot } from '@/lib/pipeline/types';
import { openStreams, type OpenStreams } from '@/lib/server/open-streams';

// Server-Sent Events framing for the live stream. A snapshot event carries the whole snapshot;
// heartbeats keep proxies from closing an idle connection and let clients detect a dead link.

export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

export const HEARTBEAT_MS = 15_000;
const RETRY_MS = 3_000;
/** The hint sent as a process stops: the next one is usually up within a second or two. */
export const SHUTDOWN_RETRY_MS = 1_000;
/** setTimeout's ceiling (about 24.8 days); a later expiry is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const encoder = new TextEncoder();

export function sseRetry(ms = RETRY_MS): Uint8Array {
  return encoder.encode(`retry: ${ms}\n\n`);
}

// Every subscriber receives the same snapshot object: encode it once, not once per viewer.
const encoded = new WeakMap<Snapshot, Uint8Array>();

export function sseSnapshot(snapshot: Snapshot): Uint8Array {
  let bytes = encoded.get(snapshot);
  if (!bytes) {
    bytes = encoder.encode(`event: snapshot\nid: ${snapshot.version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
    encoded.set(snapshot, bytes);
  }
  return bytes;
}

export function sseHeartbeat(now: Date): Uint8Array {
  return encoder.encode(`: heartbeat\nevent: heartbeat\ndata: {"at":"${now.toISOString()}"}\n\n`);
}

export type SnapshotStreamOptions = {
  initial: Snapshot | undefined;
  subscribe: (listener: (s: Snapshot) => void) => () => void;
  /** The request's signal: it aborts when the client goes away. */
  signal: AbortSignal;
  /** Runs exactly once when the stream ends, however it ends (its slot is released here). */
  onEnd?: () => void;
  /** Epoch ms when the viewer's share link or passcode session expires: the stream ends then. */
  endsAt?: number;
  now?: () => number;
  /** Where a shutdown finds the stream (the process's registry unless a test passes its own). */
  registry?: OpenStreams;
};

/**
 * A stream that sends the current snapshot, every change, and heartbeats until it ends: the
 * client leaves, stops reading for a whole heartbeat interval, its credential expires, or the
 * process shuts down (then with a short retry hint, so browsers reconnect to the next one).
 */
export function snapshotStream(opts: SnapshotStreamOptions): ReadableStream<Uint8Array> {
  const now = opts.now ?? Date.now;
  let finish: (last?: Uint8Array) => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      let sent = 0;
      let unsubscribe = () => {};
      let unregister: (() => void) | null = null;
      let expiry: ReturnType<typeof setTimeout> | undefined;
      const send = (chunk: Uint8Array) => {
        if (ended) return;
        try {
          controller.enqueue(chunk);
          sent += 1;
        } catch {
          finish();
        }
      };
      // Chunks the client has taken so far (the queue holds the rest; its high-water mark is 1).
      const taken = () => sent - Math.max(0, 1 - (controller.desiredSize ?? 1));
      let backlogged = false;
      let takenAtBeat = 0;
      const heartbeat = setInterval(() => {
        const waiting = taken() < sent;
        // Unread since the last beat and nothing taken since: nobody is reading this stream.
        if (waiting && backlogged && taken() === takenAtBeat) return finish();
        backlogged = waiting;
        takenAtBeat = taken();
        send(sseHeartbeat(new Date(now())));
      }, HEARTBEAT_MS);
      finish = (last) => {
        if (ended) return;
        if (last) send(last);
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        unsubscribe();
        unregister?.();
        opts.onEnd?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      unregister = (opts.registry ?? openStreams()).add(() => finish(sseRetry(SHUTDOWN_RETRY_MS)));
      if (!unregister) return finish(sseRetry(SHUTDOWN_RETRY_MS));
      if (opts.signal.aborted) return finish();
      opts.signal.addEventListener('abort', () => finish(), { once: true });

      send(sseRetry());
      if (opts.initial) send(sseSnapshot(opts.initial));
      unsubscribe = opts.subscribe((s) => send(sseSnapshot(s)));
      const armExpiry = () => {
        if (opts.endsAt === undefined) return;
        const left = opts.endsAt - now();
        if (left <= 0) return finish();
        expiry = setTimeout(armExpiry, Math.min(left, MAX_TIMER_MS));
      };
      armExpiry();
    },
    cancel() {
      finish();
    },
  });
}
