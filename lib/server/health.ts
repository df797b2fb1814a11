import type { StaleReason } from '@/lib/pipeline/types';
import type { CallBudgetStats } from '@/lib/twenty/budget';

// The CRM as the operator sees it: one state for the whole upstream (every dashboard reads the
// same Twenty), fed by the outcome of each snapshot load. A log line is written when the state
// or the failure category changes — not per request, not per retry — so an outage of hours is
// two lines: when it started (with what) and when it ended.

export type UpstreamState = 'ok' | 'degraded' | 'down';

export type UpstreamStatus = {
  state: UpstreamState;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** A public category (see StaleReason): never Twenty's message, never a key. */
  lastError: StaleReason | null;
  /** When the next attempt may start (backoff or Twenty's rate-limit hint); null when healthy. */
  nextRetryAt: string | null;
  consecutiveFailures: number;
  /** Start of the current unbroken run of failures. */
  failingSince: string | null;
};

export type UpstreamFailure = { reason: StaleReason; retryAt?: number; upstreamCode?: string };

export type UpstreamMonitor = {
  succeeded(): void;
  failed(failure: UpstreamFailure): void;
  status(): UpstreamStatus;
};

export type UpstreamMonitorOptions = {
  log: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>) => void;
  now?: () => number;
  /** Failing this long (or this many times in a row) is "down" rather than "degraded". */
  downAfterMs?: number;
  downAfterFailures?: number;
};

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** A refused key never heals by waiting; a throttle means the CRM is up and answering. */
function stateAfterFailure(reason: StaleReason, failures: number, failingForMs: number, opts: Required<Pick<UpstreamMonitorOptions, 'downAfterMs' | 'downAfterFailures'>>): UpstreamState {
  if (reason === 'auth') return 'down';
  if (reason === 'rate_limited') return 'degraded';
  return failures >= opts.downAfterFailures || failingForMs >= opts.downAfterMs ? 'down' : 'degraded';
}

const ADVICE: Partial<Record<StaleReason, string>> = {
  auth: 'Twenty refused the API key (revoked, expired or wrong): set a valid TWENTY_API_KEY',
  rate_limited: 'Twenty is rate limiting this key: lower UPSTREAM_CALLS_PER_MINUTE or share the key with fewer apps',
  unreachable: 'cannot connect to TWENTY_API_URL',
  timeout: 'Twenty did not answer within UPSTREAM_TIMEOUT_MS',
  rejected: 'Twenty rejected a query (check the dashboards file against this Twenty version)',
  upstream_error: 'Twenty answered with an error or an unreadable response',
};

export function createUpstreamMonitor(opts: UpstreamMonitorOptions): UpstreamMonitor {
  const now = opts.now ?? Date.now;
  const limits = { downAfterMs: opts.downAfterMs ?? 30_000, downAfterFailures: opts.downAfterFailures ?? 3 };
  let state: UpstreamState = 'ok';
  let lastSuccessAt: number | undefined;
  let lastErrorAt: number | undefined;
  let lastError: StaleReason | undefined;
  let retryAt: number | undefined;
  let failures = 0;
  let failingSince: number | undefined;
  let loggedReason: StaleReason | undefined;

  return {
    succeeded() {
      const t = now();
      if (state !== 'ok') {
        opts.log('info', { msg: 'upstream recovered', event: 'upstream.state', state: 'ok', previous: state, downForMs: t - (failingSince ?? t), failures });
      }
      state = 'ok';
      lastSuccessAt = t;
      failures = 0;
      failingSince = undefined;
      retryAt = undefined;
      loggedReason = undefined;
    },
    failed(failure) {
      const t = now();
      failures += 1;
      failingSince ??= t;
      lastErrorAt = t;
      lastError = failure.reason;
      retryAt = failure.retryAt;
      const next = stateAfterFailure(failure.reason, failures, t - failingSince, limits);
      if (next === state && failure.reason === loggedReason) return;
      state = next;
      loggedReason = failure.reason;
      opts.log(next === 'down' ? 'error' : 'warn', {
        msg: `upstream ${next}: ${ADVICE[failure.reason] ?? failure.reason}`,
        event: 'upstream.state',
        state: next,
        reason: failure.reason,
        upstreamCode: failure.upstreamCode,
        failures,
        failingSince: iso(failingSince),
        nextRetryAt: iso(retryAt),
      });
    },
    status() {
      return {
        state,
        lastSuccessAt: iso(lastSuccessAt),
        lastErrorAt: iso(lastErrorAt),
        lastError: lastError ?? null,
        nextRetryAt: state === 'ok' ? null : iso(retryAt),
        consecutiveFailures: failures,
        failingSince: iso(failingSince),
      };
    },
  };
}

/** nextRetryAt also honours a pause the call budget is under (Twenty's Retry-After). */
export function upstreamReport(status: UpstreamStatus, calls: number, budget: CallBudgetStats) {
  const paused = budget.pausedUntil !== null ? new Date(budget.pausedUntil).toISOString() : null;
  const nextRetryAt = status.nextRetryAt && paused && paused > status.nextRetryAt ? paused : status.nextRetryAt;
  return { ...status, nextRetryAt, calls, budget };
}
