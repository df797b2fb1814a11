import type { Snapshot } from '@/lib/pipeline/types';

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

const encoder = new TextEncoder();

export function sseRetry(): Uint8Array {
  return encoder.encode(`retry: ${RETRY_MS}\n\n`);
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

/** A stream that sends the current snapshot, every change, and heartbeats until the client leaves. */
export function snapshotStream(opts: {
  initial: Snapshot | undefined;
  subscribe: (listener: (s: Snapshot) => void) => () => void;
  signal: AbortSignal;
}): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      send(sseRetry());
      if (opts.initial) send(sseSnapshot(opts.initial));
      const unsubscribe = opts.subscribe((s) => send(sseSnapshot(s)));
      const timer = setInterval(() => send(sseHeartbeat(new Date())), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(timer);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      opts.signal.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
