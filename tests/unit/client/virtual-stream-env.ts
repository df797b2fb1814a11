import type { EventSourceLike, StreamEnvironment } from '@/lib/client/stream-controller';

// The browser's EventSource does not exist in Node 20, so a stand-in records what the controller
// does with it; the polling fallback talks to a real HTTP server on 127.0.0.1.

export class FakeEventSource implements EventSourceLike {
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  close() {
    this.closed = true;
  }
}

type Timer = { at: number; callback: () => void; id: number };

export function virtualEnvironment(fetchBase: string) {
  let now = 1_000_000;
  let nextId = 1;
  let timers: Timer[] = [];
  const sources: FakeEventSource[] = [];
  let networkListener: ((online: boolean) => void) | null = null;
  const env: StreamEnvironment = {
    createEventSource: (url) => {
      const es = new FakeEventSource(url);
      sources.push(es);
      return es;
    },
    fetchText: async (url) => {
      const response = await fetch(new URL(url, fetchBase));
      return { ok: response.ok, text: await response.text() };
    },
    now: () => now,
    random: () => 1,
    isOnline: () => true,
    onNetworkChange: (listener) => {
      networkListener = listener;
      return () => (networkListener = null);
    },
    setTimer: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimer: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.callback();
    }
    now = until;
  };
  const latest = () => {
    const es = sources[sources.length - 1];
    if (!es) throw new Error('no EventSource opened');
    return es;
  };
  return { env, advance, sources, latest, goOffline: () => networkListener?.(false), goOnline: () => networkListener?.(true), pending: () => timers.length };
}
