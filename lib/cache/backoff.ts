// How long a dashboard waits before its next load after failures: exponential from minMs to
// maxMs, never sooner than the CRM asked (a rate limit's retry hint), with a little jitter so
// several app instances behind one CRM do not retry in step.

export type RetryBackoff = {
  minMs: number;
  maxMs: number;
  /** The wait the failure itself asks for (e.g. Twenty's retryAfterMs), if any. */
  hintOf?: (err: unknown) => number | undefined;
  /** 0..1; the delay is stretched by up to 20 % of itself. Tests pass () => 0. */
  random?: () => number;
};

const JITTER = 0.2;

/** Milliseconds until the next attempt after `failures` (≥ 1) consecutive failures. */
export function retryDelayMs(backoff: RetryBackoff, failures: number, err: unknown): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  const base = Math.min(backoff.maxMs, backoff.minMs * 2 ** exponent);
  const jittered = base * (1 + JITTER * (backoff.random ?? Math.random)());
  let hint: number | undefined;
  try {
    hint = backoff.hintOf?.(err);
  } catch {
    hint = undefined;
  }
  return Math.round(Math.max(jittered, hint !== undefined && Number.isFinite(hint) ? hint : 0));
}
