// Twenty's API rate limits, both generations:
// - current (2.x usage limits): one budget per workspace API key, every root field costs one call;
//   a request that does not fit is refused whole with RATE_LIMITED and retryAfterMs.
// - v0.55 (graphql-rate-limit plugin): a budget per root field name; only the refused fields
//   become null ("Too many requests."), and refused calls still count against the window.
import type { TwentyVersion } from '@/lib/sandbox/graphql/core-schema';
import { TwentyError } from '@/lib/sandbox/graphql/errors';

export type RootField = { key: string; name: string };
export type RateDecision =
  | { kind: 'allowed' }
  | { kind: 'refuse-request'; error: TwentyError }
  | FieldRefusal;
export type FieldRefusal = { kind: 'refuse-fields'; keys: ReadonlySet<string>; error: () => TwentyError };

export type RateLimiterOptions = { limit: number; windowMs: number; version: TwentyVersion; apiKeyId: string };

/** The three answers Twenty has given a throttled key: 2.x usage limits, 1.x throttler, v0.55 plugin. */
export const RATE_LIMIT_SHAPES = ['2.x', '1.x', '0.55'] as const;
export type RateLimitShape = (typeof RATE_LIMIT_SHAPES)[number];

export class RateLimiter {
  private readonly logs = new Map<string, number[]>();

  constructor(private readonly opts: RateLimiterOptions) {}

  private log(bucket: string, now: number): number[] {
    const kept = (this.logs.get(bucket) ?? []).filter((t) => t > now - this.opts.windowMs);
    this.logs.set(bucket, kept);
    return kept;
  }

  check(fields: RootField[], now = Date.now()): RateDecision {
    if (fields.length === 0) return { kind: 'allowed' };
    return this.opts.version === 'current' ? this.checkWorkspace(fields.length, now) : this.checkPerField(fields, now);
  }

  /**
   * The answer an exhausted budget gives, whatever the counters say (the `rate-limited` fault):
   * by default the version's own shape; `shape` picks any of the three, `retryAfterMs` the 2.x hint.
   */
  refuseAll(fields: RootField[], shape?: RateLimitShape, retryAfterMs?: number): RateDecision {
    if (fields.length === 0) return { kind: 'allowed' };
    switch (shape ?? (this.opts.version === 'current' ? '2.x' : '0.55')) {
      case '2.x':
        return this.workspaceRefusal(retryAfterMs ?? this.opts.windowMs, 0);
      case '1.x':
        // Twenty 1.x's throttler: a UserInputError for the whole request, no retry hint.
        return { kind: 'refuse-request', error: new TwentyError(`Limit reached (${this.opts.limit} tokens per ${this.opts.windowMs} ms)`, 'BAD_USER_INPUT') };
      case '0.55':
        return this.fieldRefusal(new Set(fields.map((f) => f.key)));
    }
  }

  private checkWorkspace(cost: number, now: number): RateDecision {
    const log = this.log('workspace', now);
    const { limit, windowMs } = this.opts;
    if (log.length + cost <= limit) {
      for (let i = 0; i < cost; i++) log.push(now);
      return { kind: 'allowed' };
    }
    // The call fits once enough of the oldest calls have left the window.
    const mustExpire = log[log.length + cost - limit - 1];
    const retryAfterMs = cost > limit || mustExpire === undefined ? windowMs : Math.max(1, mustExpire + windowMs - now);
    return this.workspaceRefusal(retryAfterMs, Math.max(0, limit - log.length));
  }

  private workspaceRefusal(retryAfterMs: number, remaining: number): RateDecision {
    const { limit, windowMs } = this.opts;
    const seconds = Math.round(windowMs / 1000);
    return {
      kind: 'refuse-request',
      error: new TwentyError(`Rate limit exceeded for apiKey: ${limit} requests per ${seconds}s.`, 'RATE_LIMITED', {
        limitKind: 'speed',
        exhaustedKind: 'limit',
        limit,
        remaining,
        periodCount: seconds,
        periodUnit: 'second',
        retryAfterMs,
        scope: { spenderType: 'apiKey', spenderId: this.opts.apiKeyId },
      }),
    };
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
