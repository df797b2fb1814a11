// Counts wrong passcode attempts in a sliding window, per key (client IP, and the dashboard as a
// whole so a rotating-IP guesser is bounded too). In memory: one instance per app process.

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type AttemptThrottle = {
  check(key: string, now: number): ThrottleVerdict;
  recordFailure(key: string, now: number): void;
  size(): number;
};

export function createAttemptThrottle(opts: { limit: number; windowMs: number; maxKeys?: number }): AttemptThrottle {
  const failures = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 10_000;

  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };

  return {
    check(key, now) {
      const kept = recent(key, now);
      if (kept.length < opts.limit) return { allowed: true };
      const oldest = kept[kept.length - opts.limit] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + opts.windowMs - now) / 1000)) };
    },
    recordFailure(key, now) {
      const kept = recent(key, now);
      kept.push(now);
      failures.set(key, kept);
      // A flood of distinct keys must not grow memory without bound: forget the oldest.
      while (failures.size > maxKeys) {
        const first = failures.keys().next();
        if (first.done) break;
        failures.delete(first.value);
      }
    },
    size: () => failures.size,
  };
}
