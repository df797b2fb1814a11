import { z } from 'zod';
import { TwentyError } from '@/lib/twenty/errors';

// A token bucket shared by everything that calls Twenty with one key. Twenty counts per workspace
// (about 100 calls a minute), so the whole app spends from one budget set below that.
// Waiters reserve their slot up front (tokens may go negative), so concurrent callers queue
// fairly and a caller learns at once whether its wait would exceed maxWaitMs.

export type CallBudgetStats = {
  perMinute: number;
  burst: number;
  /** Whole tokens free right now (negative while callers are queued). */
  available: number;
  /** Tokens spent (root fields sent). */
  acquired: number;
  rejected: number;
  /** Total time callers were asked to wait. */
  waitedMs: number;
  /** Epoch ms until which Twenty asked us to stop, or null. */
  pausedUntil: number | null;
};

export type CallBudget = {
  /**
   * Resolves when a call may be made; rejects (rate_limited) if that would take longer than
   * maxWaitMs. `cost` is what Twenty charges: one per root field of the request.
   */
  acquire(cost?: number): Promise<void>;
  /** Honour Twenty's retryAfterMs / Retry-After: no call before this epoch ms. */
  pauseUntil(epochMs: number): void;
  stats(): CallBudgetStats;
};

const optionsSchema = z.object({
  perMinute: z.number().positive(),
  // Capacity C at rate r lets C + r calls through in a minute; 1/3 of the rate keeps a 60/min
  // budget at most 80 calls in any minute, under Twenty's 100.
  burst: z.number().int().positive().optional(),
  maxWaitMs: z.number().nonnegative().default(30_000),
});

export type CallBudgetOptions = z.input<typeof optionsSchema> & {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCallBudget(options: CallBudgetOptions): CallBudget {
  const { perMinute, burst: burstOption, maxWaitMs } = optionsSchema.parse(options);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const burst = burstOption ?? Math.max(1, Math.floor(perMinute / 3));
  const perMs = perMinute / 60_000;
  let tokens = burst;
  let refilledAt = now();
  let pausedUntil = 0;
  let acquired = 0;
  let rejected = 0;
  let waitedMs = 0;

  function refill(t: number) {
    tokens = Math.min(burst, tokens + (t - refilledAt) * perMs);
    refilledAt = t;
  }

  return {
    async acquire(cost = 1) {
      const t = now();
      refill(t);
      const tokenAt = tokens >= cost ? t : t + (cost - tokens) / perMs;
      const startAt = Math.max(tokenAt, pausedUntil);
      const wait = Math.ceil(startAt - t);
      if (wait > maxWaitMs) {
        rejected++;
        throw new TwentyError('rate_limited', `call budget exhausted (next call in ${wait} ms)`, { retryAfterMs: wait });
      }
      tokens -= cost;
      acquired += cost;
      if (wait > 0) {
        waitedMs += wait;
        await sleep(wait);
      }
    },
    pauseUntil(epochMs) {
      pausedUntil = Math.max(pausedUntil, epochMs);
    },
    stats() {
      refill(now());
      return {
        perMinute,
        burst,
        available: Math.floor(tokens),
        acquired,
        rejected,
        waitedMs,
        pausedUntil: pausedUntil > now() ? pausedUntil : null,
      };
    },
  };
}
