import { processWide } from './process-wide';

// Every open event stream of this process, so a shutdown can end them all at once (the viewers
// reconnect to the next process instead of hearing heartbeats from one that is going away).
// Process-wide: the route that opens streams and the instrumentation hook that stops the
// process are separate module graphs in Next.

export type OpenStreams = {
  /** Adds a stream's `end`; returns its removal, or null once the process is shutting down. */
  add(end: () => void): (() => void) | null;
  /** Ends every open stream and refuses new ones from now on; returns how many were ended. */
  endAll(): number;
  size(): number;
};

export function createOpenStreams(): OpenStreams {
  const ends = new Set<() => void>();
  let closing = false;
  return {
    add(end) {
      if (closing) return null;
      ends.add(end);
      return () => void ends.delete(end);
    },
    endAll() {
      closing = true;
      const all = [...ends];
      ends.clear();
      for (const end of all) end();
      return all.length;
    },
    size: () => ends.size,
  };
}

export function openStreams(): OpenStreams {
  return processWide('open-streams', createOpenStreams);
}
