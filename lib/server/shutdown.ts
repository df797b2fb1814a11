import { processWide } from './process-wide';

// A clean stop on SIGTERM or SIGINT. The server (server.ts) closes the listener and then waits for
// every connection to finish, which an event stream never does: the process would linger,
// heartbeating to screens that should move to the next process. So: end every stream at once
// (with a short retry hint, so browsers reconnect), stop the timers that keep work going, and
// exit within a few seconds whatever is still open.

export const SHUTDOWN_GRACE_MS = 3_000;

export type ShutdownDeps = {
  /** Ends every open event stream; returns how many. */
  endStreams: () => number;
  /** Stops background work (the reconciler, the cluster bus). */
  stopWork: () => Promise<void> | void;
  exit: (code: number) => void;
  log: (fields: Record<string, unknown>) => void;
  graceMs?: number;
  setTimer?: (callback: () => void, ms: number) => { unref?: () => void };
};

const EXIT_CODES: Record<'SIGTERM' | 'SIGINT', number> = { SIGTERM: 143, SIGINT: 130 };

/** The handler for one signal; later signals while it runs do nothing. */
export function createShutdown(deps: ShutdownDeps): (signal: 'SIGTERM' | 'SIGINT') => void {
  let started = false;
  return (signal) => {
    if (started) return;
    started = true;
    const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    // Unref'd: if everything closes sooner, the process ends on its own (Next exits too).
    setTimer(() => deps.exit(EXIT_CODES[signal]), deps.graceMs ?? SHUTDOWN_GRACE_MS).unref?.();
    const streams = deps.endStreams();
    deps.log({ msg: 'shutting down', signal, streamsEnded: streams });
    void Promise.resolve()
      .then(() => deps.stopWork())
      .catch((error: unknown) => deps.log({ msg: 'shutdown: stopping background work failed', error: String(error) }));
  };
}

/** Once per process, whichever module graph asks first. */
export function installShutdown(deps: ShutdownDeps): void {
  processWide('shutdown-installed', () => {
    const shutdown = createShutdown(deps);
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
    return true;
  });
}
