import { createAttemptThrottle } from '@/lib/access/throttle';

// The rules around a passcode check, free of the app so they are tested directly:
// - per address (on one dashboard), 5 failures a minute, then 429 for that address only;
// - per dashboard, past 30 failures a minute from everyone, each attempt waits (up to 2 s) but is
//   still evaluated, so a guesser with many addresses is slowed while the right passcode from
//   anyone else is never refused because of them.
// Both count an attempt before the slow scrypt check, so concurrent guesses cannot overrun them.

export type PasscodeGuardOptions = {
  perAddressLimit: number;
  perDashboardLimit: number;
  windowMs: number;
  /** The longest wait put on an attempt while the dashboard is under attack. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type GuardVerdict =
  | { ok: true }
  | { ok: false; reason: 'wrong_passcode' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type PasscodeGuard = {
  attempt(slug: string, address: string, verify: () => Promise<boolean>): Promise<GuardVerdict>;
};

/** Past the limit, each further attempt adds a twentieth of the longest wait, up to that wait. */
export function attackDelayMs(load: number, limit: number, maxDelayMs: number): number {
  if (load <= limit) return 0;
  return Math.min(maxDelayMs, Math.round(((load - limit) * maxDelayMs) / 20));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPasscodeGuard(opts: PasscodeGuardOptions): PasscodeGuard {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const perAddress = createAttemptThrottle({ limit: opts.perAddressLimit, windowMs: opts.windowMs });
  const perDashboard = createAttemptThrottle({ limit: opts.perDashboardLimit, windowMs: opts.windowMs });

  return {
    async attempt(slug, address, verify) {
      const mine = perAddress.reserve(`${slug}|${address}`, now());
      if (!mine.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: mine.retryAfterSeconds };
      const everyone = perDashboard.begin(slug, now());
      let failed = true;
      try {
        const delay = attackDelayMs(everyone.load, opts.perDashboardLimit, opts.maxDelayMs);
        if (delay > 0) await sleep(delay);
        failed = !(await verify());
      } finally {
        mine.attempt.settle(failed, now());
        everyone.attempt.settle(failed, now());
      }
      return failed ? { ok: false, reason: 'wrong_passcode' } : { ok: true };
    },
  };
}
