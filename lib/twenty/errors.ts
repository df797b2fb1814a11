// One error type for everything that can go wrong between us and Twenty. `kind` drives what the
// cache and the UI do (keep stale numbers, back off, tell the operator); the message names the
// category and never carries the API key.

export const TWENTY_ERROR_KINDS = ['auth', 'rate_limited', 'rejected', 'unreachable', 'timeout', 'upstream_error'] as const;
export type TwentyErrorKind = (typeof TWENTY_ERROR_KINDS)[number];

/** Twenty gives no hint on v0.55 and 1.x; its windows are 60–100 s, so a minute is the safe guess. */
export const DEFAULT_RATE_LIMIT_BACKOFF_MS = 60_000;

export class TwentyError extends Error {
  readonly kind: TwentyErrorKind;
  readonly retryAfterMs?: number;
  /** Twenty's own error code (extensions.code) or HTTP status, for logs. */
  readonly upstreamCode?: string;
  /** True when Twenty gave no retry hint and retryAfterMs is our default guess (the client may use its own). */
  readonly retryGuessed?: boolean;

  constructor(kind: TwentyErrorKind, detail: string, opts: { retryAfterMs?: number; upstreamCode?: string; retryGuessed?: boolean } = {}) {
    super(`Twenty ${kind}: ${detail}`);
    this.name = 'TwentyError';
    this.kind = kind;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
    if (opts.upstreamCode !== undefined) this.upstreamCode = opts.upstreamCode;
    if (opts.retryGuessed) this.retryGuessed = true;
  }
}

export function isTwentyError(value: unknown): value is TwentyError {
  return value instanceof TwentyError;
}

/** Removes the key (and anything shaped like a bearer token) from text that may reach a log. */
export function redactSecret(text: string, secret: string): string {
  const withoutKey = secret.length > 0 ? text.split(secret).join('[REDACTED]') : text;
  return withoutKey.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [REDACTED]');
}
