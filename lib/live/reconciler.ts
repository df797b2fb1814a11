// Twenty never retries a webhook delivery that failed, so a missed one would leave a snapshot
// wrong until its next refresh. The reconciler refetches every dashboard in use on a timer, and
// once more soon after an upstream error (the refresh that failed may have been the one that
// would have repaired drift). Timers are unref'd: they never keep the process alive.

export type ReconcilerOptions = {
  slugs: () => Iterable<string>;
  inUse: (slug: string, sinceMs: number) => boolean;
  request: (slug: string) => void;
  intervalMs: number;
  afterErrorMs: number;
  now?: () => number;
};

export type Reconciler = {
  start(): void;
  /** Runs one pass now (also what the timer does). Returns the dashboards it asked to refresh. */
  runOnce(): string[];
  upstreamFailed(slug: string): void;
  stop(): void;
};

export function createReconciler(opts: ReconcilerOptions): Reconciler {
  const now = opts.now ?? Date.now;
  let interval: ReturnType<typeof setInterval> | undefined;
  const retries = new Map<string, ReturnType<typeof setTimeout>>();

  function runOnce(): string[] {
    // "Recently" = since the previous pass and one more interval, so a glance still counts.
    const since = now() - 2 * opts.intervalMs;
    const due = [...opts.slugs()].filter((slug) => opts.inUse(slug, since));
    for (const slug of due) opts.request(slug);
    return due;
  }

  return {
    start() {
      if (interval !== undefined) return;
      interval = setInterval(runOnce, opts.intervalMs);
      interval.unref?.();
    },
    runOnce,
    upstreamFailed(slug) {
      if (retries.has(slug)) return;
      const timer = setTimeout(() => {
        retries.delete(slug);
        opts.request(slug);
      }, opts.afterErrorMs);
      timer.unref?.();
      retries.set(slug, timer);
    },
    stop() {
      if (interval !== undefined) clearInterval(interval);
      interval = undefined;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
    },
  };
}
