// Twenty's API rate limits, as captured:
// - 2.21 (throttler token bucket, real-2.21/rate-limit): one bucket of `limit` tokens per
//   workspace, shared by every API key; each record root field takes a token; a refused field is
//   null with LIMIT_REACHED while the others are answered. Refill is Twenty's: whole tokens for
//   the time since the last *consumption* (floor), so calls closer than window/limit apart never
//   refill, and 100 calls in 1.4 s empty a full bucket.
// - v0.55 (graphql-rate-limit plugin): a sliding window per root field name; only the refused
//   fields become null ("Too many requests."), and refused calls still count.
import { TwentyError } from '@/sandbox/graphql/errors';
import type { TwentyVersion } from '@/sandbox/options';

export type RootField = { key: string; name: string };
export type RateDecision =
  | { kind: 'allowed' }
  | { kind: 'refuse-request'; error: TwentyError }
  | FieldRefusal;
export type FieldRefusal = { kind: 'refuse-fields'; keys: ReadonlySet<string>; error: () => TwentyError };

export type RateLimiterOptions = {
  limit: number;
  windowMs: number;
  version: TwentyVersion;
  apiKeyId: string;
  /** The limiter's clock (tests replay captured call times with it). */
  now?: () => number;
};

/** Answers Twenty has given a throttled key: 2.x usage limits (not seen on 2.21), the 1.x–2.21 throttler, v0.55's plugin. */
export const RATE_LIMIT_SHAPES = ['2.x', '1.x', '0.55'] as const;
export type RateLimitShape = (typeof RATE_LIMIT_SHAPES)[number];

export class RateLimiter {
  private readonly logs = new Map<string, number[]>();
  private bucket: { tokens: number; lastRefillAt: number } | null = null;

  constructor(private readonly opts: RateLimiterOptions) {}

  check(fields: RootField[], now = (this.opts.now ?? Date.now)()): RateDecision {
    if (fields.length === 0) return { kind: 'allowed' };
    return this.opts.version === '2.21' ? this.checkBucket(fields, now) : this.checkPerField(fields, now);
  }

  /**
   * The answer an exhausted budget gives, whatever the counters say (the `rate-limited` fault):
   * by default the version's own shape; `shape` picks another, `retryAfterMs` the 2.x hint.
   */
  refuseAll(fields: RootField[], shape?: RateLimitShape, retryAfterMs?: number): RateDecision {
    if (fields.length === 0) return { kind: 'allowed' };
    const keys = new Set(fields.map((f) => f.key));
    switch (shape ?? (this.opts.version === '2.21' ? '1.x' : '0.55')) {
      case '2.x':
        return { kind: 'refuse-request', error: this.usageLimitError(retryAfterMs ?? this.opts.windowMs) };
      case '1.x':
        return { kind: 'refuse-fields', keys, error: () => this.throttlerError() };
      case '0.55':
        return this.fieldRefusal(keys);
    }
  }

  /** Twenty's token bucket (ThrottlerService.tokenBucketThrottleOrThrow), one token per root field. */
  private checkBucket(fields: RootField[], now: number): RateDecision {
    const { limit, windowMs } = this.opts;
    const refused = new Set<string>();
    for (const field of fields) {
      const state = this.bucket ?? { tokens: limit, lastRefillAt: now };
      const available = Math.min(state.tokens + Math.floor(((now - state.lastRefillAt) * limit) / windowMs), limit);
      if (available < 1) {
        refused.add(field.key);
        continue;
      }
      this.bucket = { tokens: available - 1, lastRefillAt: now };
    }
    return refused.size === 0 ? { kind: 'allowed' } : { kind: 'refuse-fields', keys: refused, error: () => this.throttlerError() };
  }

  private throttlerError(): TwentyError {
    const { limit, windowMs } = this.opts;
    return new TwentyError(`Limit reached (${limit} tokens per ${windowMs} ms)`, 'BAD_USER_INPUT', {
      subCode: 'LIMIT_REACHED',
      userFriendlyMessage: 'Rate limit reached. Please try again later.',
    });
  }

  /** Newer Twenty's usage-limit answer: the whole request refused, with a retry hint. */
  private usageLimitError(retryAfterMs: number): TwentyError {
    const { limit, windowMs } = this.opts;
    const seconds = Math.round(windowMs / 1000);
    return new TwentyError(`Rate limit exceeded for apiKey: ${limit} requests per ${seconds}s.`, 'RATE_LIMITED', {
      limitKind: 'speed',
      exhaustedKind: 'limit',
      limit,
      remaining: 0,
      periodCount: seconds,
      periodUnit: 'second',
      retryAfterMs,
      scope: { spenderType: 'apiKey', spenderId: this.opts.apiKeyId },
    });
  }

  private log(bucket: string, now: number): number[] {
    const kept = (this.logs.get(bucket) ?? []).filter((t) => t > now - this.opts.windowMs);
    this.logs.set(bucket, kept);
    return kept;
  }

  private checkPerField(fields: RootField[], now: number): RateDecision {
    const refused = new Set<string>();
    for (const field of fields) {
      const log = this.log(field.name, now);
      if (log.length >= this.opts.limit) refused.add(field.key);
      log.push(now);
    }
    return refused.size === 0 ? { kind: 'allowed' } : this.fieldRefusal(refused);
  }

  private fieldRefusal(keys: Set<string>): RateDecision {
    return { kind: 'refuse-fields', keys, error: () => new TwentyError('Too many requests.', 'INTERNAL_SERVER_ERROR') };
  }
}
