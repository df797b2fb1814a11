import { z } from 'zod';
import { DEFAULT_RATE_LIMIT_BACKOFF_MS, TwentyError, type TwentyErrorKind } from '@/lib/twenty/errors';

// Turns whatever Twenty (any version) answers into one TwentyError. Pure, so every recorded
// error body in tests/fixtures/twenty can be run through it.

const graphQLErrorSchema = z.looseObject({
  message: z.string().default(''),
  extensions: z.record(z.string(), z.unknown()).optional(),
  locations: z.array(z.unknown()).optional(),
});
export type GraphQLErrorLike = z.infer<typeof graphQLErrorSchema>;
const errorsBodySchema = z.looseObject({ errors: z.array(graphQLErrorSchema).min(1) });

// Without a key the schema has no workspace types, so the first root field is "unknown".
const NO_KEY_MESSAGE = /^Cannot query field "opportunities" on type "Query"/;
const SEVERITY: Record<TwentyErrorKind, number> = {
  auth: 6,
  rate_limited: 5,
  timeout: 4,
  rejected: 3,
  upstream_error: 2,
  unreachable: 1,
};

function codeOf(error: GraphQLErrorLike): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function classifyOne(error: GraphQLErrorLike): TwentyError {
  const code = codeOf(error);
  const message = error.message;
  const opts = code ? { upstreamCode: code } : {};
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || NO_KEY_MESSAGE.test(message)) {
    return new TwentyError('auth', `the API key was not accepted (${message})`, opts);
  }
  if (code === 'RATE_LIMITED' || code === 'QUOTA_EXHAUSTED') {
    const hinted = numberOf(error.extensions?.retryAfterMs);
    return new TwentyError('rate_limited', message, { ...opts, retryAfterMs: hinted ?? DEFAULT_RATE_LIMIT_BACKOFF_MS, retryGuessed: hinted === undefined });
  }
  if (code === 'BAD_USER_INPUT' && message.startsWith('Limit reached')) {
    return new TwentyError('rate_limited', message, { ...opts, retryAfterMs: DEFAULT_RATE_LIMIT_BACKOFF_MS, retryGuessed: true });
  }
  // Twenty 2.21's chart-data queries wrap the throttler's refusal (real-2.21/charts/FINDINGS.md, "Rate limit"):
  // "Query execution failed: Bar chart data retrieval failed: Limit reached (100 tokens per 60000 ms)".
  if (code === 'INTERNAL_SERVER_ERROR' && /\bLimit reached \(\d+ tokens per \d+ ms\)/.test(message)) {
    return new TwentyError('rate_limited', message, { ...opts, retryAfterMs: DEFAULT_RATE_LIMIT_BACKOFF_MS, retryGuessed: true });
  }
  if (code === 'INTERNAL_SERVER_ERROR' && message.trim() === 'Too many requests.') {
    return new TwentyError('rate_limited', message, { ...opts, retryAfterMs: DEFAULT_RATE_LIMIT_BACKOFF_MS, retryGuessed: true });
  }
  if (code === 'TIMEOUT') return new TwentyError('timeout', message, opts);
  const isValidation =
    code === undefined
      ? error.locations !== undefined
      : ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT'].includes(code);
  return new TwentyError(isValidation ? 'rejected' : 'upstream_error', message, opts);
}

/** The most actionable error wins: a bad key matters more than a throttle, a throttle more than a typo. */
export function classifyGraphQLErrors(errors: readonly unknown[]): TwentyError {
  const parsed = errors.map((e) => graphQLErrorSchema.safeParse(e)).flatMap((r) => (r.success ? [r.data] : []));
  if (parsed.length === 0) return new TwentyError('upstream_error', 'errors without a readable message');
  const classified = parsed.map(classifyOne);
  return classified.reduce((worst, e) => (SEVERITY[e.kind] > SEVERITY[worst.kind] ? e : worst));
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const restRateLimitBodySchema = z.looseObject({ retryAfterSeconds: z.number().nonnegative().optional() });

export type HttpFailure = { status: number; headers: Headers; bodyText: string; nowMs?: number };

/** A response that is not a usable GraphQL answer: non-2xx, or a 2xx that is not JSON. */
export function classifyHttpFailure({ status, headers, bodyText, nowMs = Date.now() }: HttpFailure): TwentyError {
  const upstreamCode = `HTTP ${status}`;
  if (status === 401 || status === 403) return new TwentyError('auth', `the API key was not accepted (${upstreamCode})`, { upstreamCode });
  const body = parseJson(bodyText);
  if (status === 429) {
    const fromHeader = parseRetryAfter(headers.get('retry-after'), nowMs);
    const fromBody = restRateLimitBodySchema.safeParse(body);
    const bodySeconds = fromBody.success ? fromBody.data.retryAfterSeconds : undefined;
    const hinted = fromHeader ?? (bodySeconds !== undefined ? bodySeconds * 1000 : undefined);
    return new TwentyError('rate_limited', `too many requests (${upstreamCode})`, { upstreamCode, retryAfterMs: hinted ?? DEFAULT_RATE_LIMIT_BACKOFF_MS, retryGuessed: hinted === undefined });
  }
  const withErrors = errorsBodySchema.safeParse(body);
  if (withErrors.success) {
    const fromErrors = classifyGraphQLErrors(withErrors.data.errors);
    if (fromErrors.kind !== 'upstream_error' || status < 500) return fromErrors;
  }
  if (status >= 500) return new TwentyError('upstream_error', `server error (${upstreamCode})`, { upstreamCode });
  if (status >= 400) return new TwentyError('rejected', `request refused (${upstreamCode})`, { upstreamCode });
  return new TwentyError('upstream_error', `malformed response (${upstreamCode}, not GraphQL JSON)`, { upstreamCode });
}

function errorName(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('name' in err)) return undefined;
  return typeof err.name === 'string' ? err.name : undefined;
}

/** Something thrown before a response arrived: our timeout, a refused connection, DNS… */
export function classifyThrown(err: unknown, timeoutMs: number): TwentyError {
  const name = errorName(err);
  const cause = typeof err === 'object' && err !== null && 'cause' in err ? err.cause : undefined;
  if (name === 'TimeoutError' || name === 'AbortError' || errorName(cause) === 'TimeoutError') {
    return new TwentyError('timeout', `no answer within ${timeoutMs} ms`);
  }
  const causeCode =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  return new TwentyError('unreachable', `could not connect${causeCode ? ` (${causeCode})` : ''}`, causeCode ? { upstreamCode: causeCode } : {});
}
