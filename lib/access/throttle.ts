// Counts passcode attempts per key (an address on a dashboard, or a dashboard as a whole) in a
// sliding window. An attempt counts from the moment it is reserved, before the slow passcode
// check, and stays counted until it settles: a failure then stays in the window, a success
// leaves it. So concurrent attempts cannot all slip under a limit that only finished failures
// would reach. In memory: one instance per app process.

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** An attempt in flight; settle it exactly once (later calls do nothing). */
export type Attempt = { settle(failed: boolean, now: number): void };

export type AttemptThrottle = {
  /** Reserves an attempt unless failures plus attempts in flight already reach the limit. */
  reserve(key: string, now: number): { allowed: true; attempt: Attempt } | { allowed: false; retryAfterSeconds: number };
  /** Counts an attempt whatever the limit; `load` is failures plus attempts in flight, this one included. */
  begin(key: string, now: number): { load: number; attempt: Attempt };
  size(): number;
};

export function createAttemptThrottle(opts: { limit: number; windowMs: number; maxKeys?: number }): AttemptThrottle {
  const failures = new Map<string, number[]>();
  const inFlight = new Map<string, number>();
  const maxKeys = opts.maxKeys ?? 10_000;

  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };

  const recordFailure = (key: string, now: number) => {
    const kept = recent(key, now);
    kept.push(now);
    failures.set(key, kept);
    // A flood of distinct keys must not grow memory without bound: forget the oldest.
    while (failures.size > maxKeys) {
      const first = failures.keys().next();
      if (first.done) break;
      failures.delete(first.value);
    }
  };

  const start = (key: string): Attempt => {
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    let settled = false;
    return {
      settle(failed, now) {
        if (settled) return;
        settled = true;
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left <= 0) inFlight.delete(key);
        else inFlight.set(key, left);
        if (failed) recordFailure(key, now);
      },
    };
  };

  return {
    reserve(key, now) {
      const kept = recent(key, now);
      const pending = inFlight.get(key) ?? 0;
      if (kept.length + pending < opts.limit) return { allowed: true, attempt: start(key) };
      // Full of finished failures: wait until the one that frees a place leaves the window.
      // Full of attempts still in flight: they settle within a second or two.
      const freeing = kept.length >= opts.limit ? kept[kept.length - opts.limit] : undefined;
      const retryAfterSeconds = freeing === undefined ? 1 : Math.max(1, Math.ceil((freeing + opts.windowMs - now) / 1000));
      return { allowed: false, retryAfterSeconds };
    },
    begin(key, now) {
      const load = recent(key, now).length + (inFlight.get(key) ?? 0) + 1;
      return { load, attempt: start(key) };
    },
    size: () => failures.size,
  };
}
