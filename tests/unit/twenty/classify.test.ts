import { describe, expect, test } from 'vitest';
import { classifyGraphQLErrors, classifyHttpFailure, classifyThrown, parseRetryAfter } from '@/lib/twenty/classify';
import { DEFAULT_RATE_LIMIT_BACKOFF_MS } from '@/lib/twenty/errors';
import { readFixture } from './helpers/fixtures';

type Recorded = { response: { status: number; headers: Record<string, string>; body: unknown } };
type HandWritten = { status: number; headers?: Record<string, string>; body: unknown };

function classifyRecorded(r: { status: number; headers?: Record<string, string>; body: unknown }) {
  const bodyText = JSON.stringify(r.body);
  const errors = (r.body as { errors?: unknown[] }).errors;
  // A 2xx with errors reaches the classifier as GraphQL errors; anything else as an HTTP failure.
  if (r.status < 300 && errors) return classifyGraphQLErrors(errors);
  return classifyHttpFailure({ status: r.status, headers: new Headers(r.headers ?? {}), bodyText, nowMs: 0 });
}

describe('recorded v0.55 answers', () => {
  const auth = readFixture('real/auth-error.json') as Record<string, Recorded>;
  test.each(Object.keys(auth))('auth-error.json %s is auth', (name) => {
    const recorded = auth[name];
    if (!recorded) throw new Error(name);
    const error = classifyRecorded(recorded.response);
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/^Twenty auth: /);
  });

  const rate = readFixture('real/rate-limit.json') as Record<string, Recorded | undefined>;
  test.each(['first_limited', 'immediately_again', 'multi_root_field_query_while_limited', 'after_5s'])(
    'rate-limit.json %s is rate_limited with a 60 s back-off',
    (name) => {
      const recorded = rate[name];
      if (!recorded) throw new Error(name);
      const error = classifyRecorded(recorded.response);
      expect(error.kind).toBe('rate_limited');
      expect(error.retryAfterMs).toBe(DEFAULT_RATE_LIMIT_BACKOFF_MS);
    },
  );

  const misc = readFixture('real/graphql-errors-misc.json') as Record<string, Recorded | string>;
  const expected: Record<string, string> = {
    unknown_filter_field: 'rejected',
    invalid_enum_value: 'rejected',
    stage_eq_as_string_variable_bad: 'rejected',
    unknown_filter_field_accept_application_json: 'rejected',
    auth_malformed_key_accept_application_json: 'auth',
    'unknown_filter_field_accept_application_graphql-response_json': 'rejected',
    'auth_malformed_key_accept_application_graphql-response_json': 'auth',
  };
  test('every case of graphql-errors-misc.json is covered', () => {
    expect(Object.keys(misc).filter((k) => !k.startsWith('_')).sort()).toEqual(Object.keys(expected).sort());
  });
  test.each(Object.entries(expected))('graphql-errors-misc.json %s is %s', (name, kind) => {
    const recorded = misc[name];
    if (!recorded || typeof recorded === 'string') throw new Error(name);
    expect(classifyRecorded(recorded.response).kind).toBe(kind);
  });
});

describe('hand-written answers of newer versions', () => {
  const graphql = readFixture('rate-limited-graphql.json') as { v1: HandWritten; v2: HandWritten };
  test('2.x RATE_LIMITED carries retryAfterMs', () => {
    const error = classifyRecorded(graphql.v2);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 11983, upstreamCode: 'RATE_LIMITED' });
  });
  test('1.x "Limit reached" BAD_USER_INPUT is a throttle, not a rejection', () => {
    expect(classifyRecorded(graphql.v1)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
  });
  test.each(['rate-limit-metadata-first-call-101-same-endpoint.json', 'rate-limit-graphql-first-call-103-pieChartData-readonly-key.json'])(
    "2.21's chart-data refusal (INTERNAL_SERVER_ERROR wrapping \"Limit reached\", charts/%s) is a throttle",
    (file) => {
      const recorded = readFixture(`real-2.21/charts/${file}`) as Recorded;
      expect(classifyRecorded(recorded.response)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000, upstreamCode: 'INTERNAL_SERVER_ERROR' });
    },
  );
  test('an INTERNAL_SERVER_ERROR that names no limit stays an upstream error', () => {
    expect(classifyGraphQLErrors([{ message: 'Query execution failed: Bar chart data retrieval failed: boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]).kind).toBe('upstream_error');
  });
  test('REST 429 with Retry-After (2.x) waits the header seconds', () => {
    const v2 = readFixture('rate-limited-rest-429-v2.json') as HandWritten;
    expect(classifyRecorded(v2)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
  });
  test('REST 429 without Retry-After (1.x) backs off a minute', () => {
    const v1 = readFixture('rate-limited-rest-429-v1.json') as HandWritten;
    expect(classifyRecorded(v1)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
  });
  const auth = readFixture('auth-error-graphql.json') as Record<string, HandWritten>;
  test.each(['graphqlInvalidOrExpiredKey', 'graphqlRevokedKeyOlderServers', 'restInvalidKey'])('%s is auth', (name) => {
    const answer = auth[name];
    if (!answer) throw new Error(name);
    expect(classifyRecorded(answer).kind).toBe('auth');
  });
});

describe('other failures', () => {
  test('a missing groupBy is a rejection, not an auth failure', () => {
    const error = classifyGraphQLErrors([{ message: 'Cannot query field "opportunitiesGroupBy" on type "Query".', locations: [] }]);
    expect(error.kind).toBe('rejected');
  });
  test('the duplicate-root refusal of 1.x+ is a rejection', () => {
    const error = classifyGraphQLErrors([{ message: 'Duplicate root resolver: "opportunities"', extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(error.kind).toBe('rejected');
  });
  test('auth wins over other errors in the same answer', () => {
    const error = classifyGraphQLErrors([
      { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'No payload', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(error.kind).toBe('auth');
  });
  test('an unexplained INTERNAL_SERVER_ERROR is upstream_error', () => {
    expect(classifyGraphQLErrors([{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]).kind).toBe('upstream_error');
  });
  test('5xx and non-JSON bodies are upstream_error', () => {
    expect(classifyHttpFailure({ status: 502, headers: new Headers(), bodyText: '<html>bad gateway</html>' }).kind).toBe('upstream_error');
    expect(classifyHttpFailure({ status: 200, headers: new Headers(), bodyText: '{"data":' }).kind).toBe('upstream_error');
  });
  test('Retry-After as an HTTP date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('garbage', 0)).toBeUndefined();
  });
  test('a timeout is timeout, a refused connection unreachable', () => {
    expect(classifyThrown(new DOMException('signal timed out', 'TimeoutError'), 100).kind).toBe('timeout');
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(classifyThrown(refused, 100)).toMatchObject({ kind: 'unreachable', upstreamCode: 'ECONNREFUSED' });
  });
});
