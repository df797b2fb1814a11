import type { CallBudget } from '@/lib/twenty/budget';

// Turns any number of "this dashboard may be out of date" signals into few refreshes: a short
// debounce gathers a burst, one refresh runs at a time with at most one more queued behind it,
// and a refresh only starts when the app-wide call budget has the calls it will need — so a
// webhook storm never queues calls that would starve viewers or trip Twenty's rate limit.

export type RefreshSchedulerOptions = {
  debounceMs: number;
  budget: CallBudget;
  /** Starts one refresh of the dashboard now (the cache's invalidate). */
  start: (slug: string) => void;
  isLoading: (slug: string) => boolean;
  /** Upstream calls the dashboard's last refresh took (at least 1). */
  callsPerRefresh: (slug: string) => number;
  now?: () => number;
};

export type RefreshSchedulerStats = { requested: number; started: number; heldForBudget: number };

export type RefreshScheduler = {
  request(slug: string): void;
  /** To be told when any load of the dashboard ends (ours, a viewer's, the TTL's). */
  loadFinished(slug: string): void;
  /** A refresh is waiting (debounce, budget, or queued behind a load). */
  isPending(slug: string): boolean;
  stats(): RefreshSchedulerStats;
  stop(): void;
};

type Slot = { timer: ReturnType<typeof setTimeout> | undefined; queued: boolean };

export function createRefreshScheduler(opts: RefreshSchedulerOptions): RefreshScheduler {
  const now = opts.now ?? Date.now;
  const slots = new Map<string, Slot>();
  const stats: RefreshSchedulerStats = { requested: 0, started: 0, heldForBudget: 0 };
  let stopped = false;

  function slotOf(slug: string): Slot {
    let slot = slots.get(slug);
    if (!slot) {
      slot = { timer: undefined, queued: false };
      slots.set(slug, slot);
    }
    return slot;
  }

  function arm(slug: string, slot: Slot, delayMs: number): void {
    slot.timer = setTimeout(() => fire(slug), delayMs);
    slot.timer.unref?.();
  }

  /** How long until the budget holds the calls one refresh needs (0 = now). */
  function budgetWaitMs(slug: string): number {
    const budget = opts.budget.stats();
    const t = now();
    // A refresh bigger than the burst can never find all its calls free; it waits for a full bucket.
    const needed = Math.min(Math.max(1, opts.callsPerRefresh(slug)), budget.burst);
    const refillWait = budget.available >= needed ? 0 : ((needed - budget.available) * 60_000) / budget.perMinute;
    const pauseWait = budget.pausedUntil === null ? 0 : budget.pausedUntil - t;
    return Math.ceil(Math.max(0, refillWait, pauseWait));
  }

  function fire(slug: string): void {
    const slot = slotOf(slug);
    slot.timer = undefined;
    if (stopped) return;
    if (opts.isLoading(slug)) {
      slot.queued = true;
      return;
    }
    const wait = budgetWaitMs(slug);
    if (wait > 0) {
      stats.heldForBudget += 1;
      arm(slug, slot, wait);
      return;
    }
    stats.started += 1;
    opts.start(slug);
  }

  return {
    request(slug) {
      if (stopped) return;
      stats.requested += 1;
      const slot = slotOf(slug);
      if (slot.timer !== undefined) return; // already gathered into the coming refresh
      if (opts.isLoading(slug)) {
        // The load in flight may have read the CRM before this change: one more after it.
        slot.queued = true;
        return;
      }
      arm(slug, slot, opts.debounceMs);
    },
    loadFinished(slug) {
      const slot = slots.get(slug);
      if (!slot?.queued || stopped) return;
      slot.queued = false;
      if (slot.timer === undefined) arm(slug, slot, opts.debounceMs);
    },
    isPending(slug) {
      const slot = slots.get(slug);
      return slot !== undefined && (slot.timer !== undefined || slot.queued);
    },
    stats: () => ({ ...stats }),
    stop() {
      stopped = true;
      for (const slot of slots.values()) {
        if (slot.timer !== undefined) clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.queued = false;
      }
    },
  };
}
