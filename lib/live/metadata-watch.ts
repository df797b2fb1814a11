import type { PipelineData } from '@/lib/pipeline/types';

// Twenty sends no webhook when a saved view's filters or the stage options change, so a wall that
// only listens on its live stream would keep the old scope or labels until the reconciler's next
// pass (minutes). Every interval, for the dashboards in use only, this asks lib/twenty whether
// that metadata moved since each snapshot's basis was fetched (a few small /metadata calls, no
// records query) and asks for a refresh of the dashboards where it did. Passes never overlap;
// an interval of 0 (metadata re-read at every load) means no watch: the reconciler bounds it.

export type MetadataCheck = (slug: string, data: PipelineData) => Promise<string | null>;

export type MetadataWatchOptions = {
  slugs: () => Iterable<string>;
  inUse: (slug: string, sinceMs: number) => boolean;
  /** The basis of the dashboard's snapshot, if any. */
  dataOf: (slug: string) => PipelineData | undefined;
  /** A load is running or a refresh is already due: it will read the metadata anyway. */
  busy: (slug: string) => boolean;
  /** The call budget can spare a pass now; otherwise it waits for the next interval (viewers first). */
  canSpend: () => boolean;
  /** A new pass: one check per dashboard, sharing the reads of the pass (lib/twenty's metadataPass). */
  pass: () => MetadataCheck;
  request: (slug: string, change: string) => void;
  intervalMs: number;
  now?: () => number;
};

export type MetadataWatch = {
  start(): void;
  /** One pass now (also what the timer does); the dashboards it asked to refresh. */
  runOnce(): Promise<string[]>;
  /** Refreshes asked for so far, by what changed. */
  changes(): Record<string, number>;
  stop(): void;
};

export function createMetadataWatch(opts: MetadataWatchOptions): MetadataWatch {
  const now = opts.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = false;
  let generation = 0;
  // The basis a refresh was already asked for: a refresh that fails (a refused view) leaves it in
  // place, and asking again every interval would only repeat the refusal.
  const asked = new WeakSet<PipelineData>();
  const changes: Record<string, number> = {};

  async function checkOne(check: MetadataCheck, slug: string, data: PipelineData): Promise<boolean> {
    try {
      const change = await check(slug, data);
      if (change === null || asked.has(data)) return false;
      asked.add(data);
      changes[change] = (changes[change] ?? 0) + 1;
      opts.request(slug, change);
      return true;
    } catch {
      // Twenty unreachable: the loads and the reconciler report and retry that.
      return false;
    }
  }

  async function runOnce(): Promise<string[]> {
    const since = now() - 2 * opts.intervalMs;
    const due = [...opts.slugs()].flatMap((slug) => {
      const data = opts.dataOf(slug);
      return data && opts.inUse(slug, since) && !opts.busy(slug) ? [{ slug, data }] : [];
    });
    if (due.length === 0 || !opts.canSpend()) return [];
    const check = opts.pass();
    const requested = await Promise.all(due.map(({ slug, data }) => checkOne(check, slug, data)));
    return due.filter((_, i) => requested[i]).map(({ slug }) => slug);
  }

  function arm(run: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce()
        .catch(() => [])
        .then(() => {
          if (run === generation) arm(run);
        });
    }, opts.intervalMs);
    timer.unref?.();
  }

  return {
    start() {
      if (active || opts.intervalMs <= 0) return;
      active = true;
      arm(generation);
    },
    runOnce,
    changes: () => ({ ...changes }),
    stop() {
      active = false;
      generation += 1; // a pass in flight does not arm the next one
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
