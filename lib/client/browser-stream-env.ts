import type { StreamEnvironment } from '@/lib/client/stream-controller';

/** The real browser behind the stream controller. */
export function browserStreamEnvironment(): StreamEnvironment {
  return {
    createEventSource: (url) => new EventSource(url),
    fetchText: async (url) => {
      const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
      return { ok: response.ok, text: await response.text() };
    },
    now: () => Date.now(),
    random: () => Math.random(),
    isOnline: () => navigator.onLine,
    onNetworkChange: (listener) => {
      const online = () => listener(true);
      const offline = () => listener(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => {
      if (typeof handle === 'number') window.clearTimeout(handle);
    },
  };
}
