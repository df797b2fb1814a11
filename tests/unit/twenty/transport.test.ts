import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createCallBudget } from '@/lib/twenty/budget';
import { TwentyError } from '@/lib/twenty/errors';
import { createTransport, normaliseBaseUrl, type LogLine } from '@/lib/twenty/transport';
import { readFixture } from './helpers/fixtures';
import { startCannedServer, type CannedAnswer } from './helpers/canned-server';

const KEY = 'eyJhbGciOiJIUzI1NiJ9.secret-key-payload.signature';
const anything = z.unknown();
let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

async function setup(answer: (path: string) => CannedAnswer, timeoutMs = 2000) {
  const server = await startCannedServer((r) => answer(r.path));
  closeServer = server.close;
  const lines: LogLine[] = [];
  const budget = createCallBudget({ perMinute: 6000 });
  const transport = createTransport({ apiUrl: `${server.url}/graphql/`, apiKey: KEY, budget, timeoutMs, fetch, log: (l) => lines.push(l) });
  return { server, transport, budget, lines };
}

async function failure(promise: Promise<unknown>): Promise<TwentyError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof TwentyError)) throw new Error(`expected a TwentyError, got ${String(err)}`);
  return err;
}

describe('the read-only guard', () => {
  test.each([
    ['a mutation', 'mutation { deleteOpportunity(id: "x") { id } }'],
    ['a subscription', 'subscription { onOpportunity { id } }'],
    ['a query smuggling a mutation', 'query A { opportunities { totalCount } } mutation B { deleteOpportunities { id } }'],
    ['text that is not GraphQL', 'DROP TABLE opportunity'],
    ['a schema definition', 'type Query { x: Int }'],
  ])('refuses %s before anything is sent', async (_, document) => {
    const { server, transport } = await setup(() => ({ body: { data: {} } }));
    const err = await failure(transport.runQuery({ document, schema: anything }));
    expect(err.kind).toBe('rejected');
    expect(server.received).toHaveLength(0);
    expect(transport.callCount()).toBe(0);
  });

  test.each([
    'real-2.21/misc/directive-include-variable-true.json',
    'real-2.21/misc/directive-include-variable-false.json',
    'real-2.21/misc/directive-include-variable-on-groupby.json',
    'real-2.21/misc/directive-skip-variable-on-node-field.json',
  ])('refuses a directive on a variable, which crashed real 2.21 (%s), before sending it', async (file) => {
    const captured = readFixture(file) as { request: { body: { query: string } }; response: { body: { errors: { message: string }[] } } };
    expect(captured.response.body.errors[0]?.message).toMatch(/^Cannot read properties of undefined/);
    const { server, transport } = await setup(() => ({ body: { data: {} } }));
    const err = await failure(transport.runQuery({ document: captured.request.body.query, schema: anything }));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/variable/);
    expect(server.received).toHaveLength(0);
  });

  test.each(['real-2.21/misc/directive-include-literal-true.json', 'real-2.21/misc/directive-include-literal-false.json'])(
    'lets a literal directive through, as real 2.21 did (%s)',
    async (file) => {
      const captured = readFixture(file) as { request: { body: { query: string } }; response: { body: unknown } };
      const { server, transport } = await setup(() => ({ body: captured.response.body }));
      await transport.runQuery({ document: captured.request.body.query, schema: anything });
      expect(server.received).toHaveLength(1);
    },
  );
});

describe('requests', () => {
  test('go to /graphql or /metadata with the key as a Bearer token, and are counted', async () => {
    const { server, transport } = await setup(() => ({ body: { data: { ok: true } } }));
    await transport.runQuery({ document: 'query A { ok }', schema: z.object({ ok: z.boolean() }) });
    await transport.runQuery({ endpoint: 'metadata', document: 'query B { ok }', schema: anything });
    expect(server.received.map((r) => r.path)).toEqual(['/graphql', '/metadata']);
    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(transport.callCount()).toBe(2);
  });

  test('base URLs in any common spelling mean the same server', () => {
    expect(normaliseBaseUrl('https://crm.example.com/')).toBe('https://crm.example.com');
    expect(normaliseBaseUrl('https://crm.example.com/graphql')).toBe('https://crm.example.com');
    expect(normaliseBaseUrl('https://example.com/twenty/metadata/')).toBe('https://example.com/twenty');
  });

  test('an answer of the wrong shape is upstream_error, never a silent zero', async () => {
    const { transport } = await setup(() => ({ body: { data: { opportunities: { totalCount: 'many' } } } }));
    const schema = z.object({ opportunities: z.object({ totalCount: z.number() }) });
    expect((await failure(transport.runQuery({ document: 'query { opportunities { totalCount } }', schema }))).kind).toBe('upstream_error');
  });
});

describe('recorded failures, replayed over HTTP', () => {
  type Recorded = { response: { status: number; body: unknown } };
  const rate = readFixture('real/rate-limit.json') as { first_limited: Recorded };
  const auth = readFixture('real/auth-error.json') as { no_authorization_header: Recorded };
  const misc = readFixture('real/graphql-errors-misc.json') as { stage_eq_as_string_variable_bad: Recorded };

  test('v0.55 "Too many requests." pauses the whole budget for a minute', async () => {
    const { transport, budget } = await setup(() => ({ body: rate.first_limited.response.body }));
    const err = await failure(transport.runQuery({ document: 'query { opportunities { totalCount } }', schema: anything }));
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    expect(budget.stats().pausedUntil).toBeGreaterThan(Date.now() + 55_000);
  });

  test('no key: "Cannot query field opportunities" is auth', async () => {
    const { transport } = await setup(() => ({ body: auth.no_authorization_header.response.body }));
    expect((await failure(transport.runQuery({ document: 'query { opportunities { totalCount } }', schema: anything }))).kind).toBe('auth');
  });

  test('an HTTP 400 variable-coercion error is rejected', async () => {
    const { transport } = await setup(() => ({ status: 400, body: misc.stage_eq_as_string_variable_bad.response.body }));
    expect((await failure(transport.runQuery({ document: 'query { x }', schema: anything }))).kind).toBe('rejected');
  });

  test('HTTP 429 honours Retry-After', async () => {
    const { transport, budget } = await setup(() => ({ status: 429, headers: { 'retry-after': '12' }, body: { statusCode: 429 } }));
    expect(await failure(transport.runQuery({ document: 'query { x }', schema: anything }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    expect(budget.stats().pausedUntil).not.toBeNull();
  });

  test.each([
    ['HTTP 401', { status: 401, body: { statusCode: 401 } }, 'auth'],
    ['HTTP 503 page', { status: 503, raw: '<html>down</html>', headers: { 'content-type': 'text/html' } }, 'upstream_error'],
    ['malformed JSON', { raw: '{"data": {' }, 'upstream_error'],
    ['JSON that is not GraphQL', { body: { hello: 'world' } }, 'upstream_error'],
  ] as const)('%s is %s', async (_, answer, kind) => {
    const { transport } = await setup(() => answer);
    expect((await failure(transport.runQuery({ document: 'query { x }', schema: anything }))).kind).toBe(kind);
  });
});

describe('network trouble', () => {
  test('no answer within the timeout is timeout', async () => {
    const { transport } = await setup(() => ({ hang: true }), 200);
    const started = Date.now();
    expect((await failure(transport.runQuery({ document: 'query { x }', schema: anything }))).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a closed port is unreachable', async () => {
    const { server, transport } = await setup(() => ({ body: {} }));
    await server.close();
    closeServer = undefined;
    expect((await failure(transport.runQuery({ document: 'query { x }', schema: anything }))).kind).toBe('unreachable');
  });

  test('the key never appears in an error or a log line, even if the server echoes it', async () => {
    const { transport, lines } = await setup(() => ({ body: { errors: [{ message: `bad token Bearer ${KEY} (${KEY})`, extensions: { code: 'UNAUTHENTICATED' } }] } }));
    const err = await failure(transport.runQuery({ document: 'query { x }', schema: anything }));
    expect(err.kind).toBe('auth');
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(lines)).not.toContain(KEY);
  });
});
