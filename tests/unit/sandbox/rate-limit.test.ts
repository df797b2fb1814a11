import { afterEach, expect, test } from 'vitest';
import type { Sandbox, SandboxHooks } from '@/sandbox/index';
import { fixture, gql, post, start } from '@/tests/unit/sandbox/harness';

const open: Sandbox[] = [];
async function limited(options: Parameters<typeof start>[0], hooks: SandboxHooks = {}): Promise<Sandbox> {
  const sandbox = await start(options, hooks);
  open.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const ONE = `query { opportunities(first: 1) { totalCount } }`;
const LIMIT_REACHED = (limit: number, windowMs: number) => ({
  message: `Limit reached (${limit} tokens per ${windowMs} ms)`,
  extensions: { subCode: 'LIMIT_REACHED', userFriendlyMessage: 'Rate limit reached. Please try again later.', code: 'BAD_USER_INPUT' },
});

test('2.21: a bucket of tokens per workspace; each record root field takes one; a refused field is null with LIMIT_REACHED', async () => {
  const sandbox = await limited({ rateLimit: 3 }, { now: () => 0 });
  expect((await gql(sandbox, `{ opportunities { totalCount } companies { totalCount } }`)).body.errors).toBeUndefined();
  const partly = await gql(sandbox, `{ opportunities(first: 1) { totalCount } companies(first: 1) { totalCount } }`);
  expect(partly.body).toEqual({ data: { opportunities: { totalCount: expect.any(Number) }, companies: null }, errors: [LIMIT_REACHED(3, 60_000)] });
  const refused = await gql(sandbox, ONE);
  expect([refused.status, refused.body]).toEqual([200, { data: { opportunities: null }, errors: [LIMIT_REACHED(3, 60_000)] }]);
  expect(sandbox.log.entries().map((e) => e.rateLimited)).toEqual([false, true, true]);
});

test('2.21: the bucket is the workspace\'s: another API key is refused too; user sessions, introspection and /metadata are not', async () => {
  const sandbox = await limited({ rateLimit: 1, readOnlyApiKeys: ['read-only'], userTokens: ['session'] }, { now: () => 0 });
  await gql(sandbox, ONE);
  expect((await gql(sandbox, ONE, { key: 'read-only' })).body.errors?.[0]?.extensions?.subCode).toBe('LIMIT_REACHED');
  expect((await gql(sandbox, ONE, { key: 'session' })).body.errors).toBeUndefined();
  expect((await gql(sandbox, `{ __schema { queryType { name } } }`, { capture: false })).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  expect((await post(sandbox, '/metadata', '{ currentWorkspace { id } }')).body.errors).toBeUndefined();
});

test('2.21: tokens come back one per window/limit of quiet, as Twenty refills (whole tokens since the last call)', async () => {
  let now = 0;
  const sandbox = await limited({ rateLimit: 100, rateLimitWindowMs: 60_000 }, { now: () => now });
  for (let i = 0; i < 100; i++) {
    now = i * 10;
    expect((await gql(sandbox, ONE)).body.errors).toBeUndefined();
  }
  now = 1_400;
  expect((await gql(sandbox, ONE)).body.errors?.[0]?.extensions?.subCode).toBe('LIMIT_REACHED');
  now = 990 + 600;
  expect((await gql(sandbox, ONE)).body.errors).toBeUndefined();
  expect((await gql(sandbox, ONE)).body.errors?.[0]?.extensions?.subCode).toBe('LIMIT_REACHED');
});

test('v0.55: the captured "Too many requests." answer, byte for byte', async () => {
  const sandbox = await limited({ rateLimit: 2, twentyVersion: '0.55' });
  const capture = fixture<{ first_limited: { request: { body: { query: string } }; response: { status: number; body: unknown } } }>('real/rate-limit.json').first_limited;
  await gql(sandbox, capture.request.body.query);
  await gql(sandbox, capture.request.body.query);
  const reply = await gql(sandbox, capture.request.body.query);
  expect([reply.status, reply.body]).toEqual([capture.response.status, capture.response.body]);
});

test('v0.55: budgets are per root field, so only the exhausted field becomes null', async () => {
  const sandbox = await limited({ rateLimit: 1, twentyVersion: '0.55' });
  await gql(sandbox, ONE);
  const reply = await gql(sandbox, `query { a: opportunities(first:1){ totalCount } b: companies(first:1){ totalCount } }`);
  expect(reply.body).toEqual({
    errors: [{ message: 'Too many requests.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    data: { a: null, b: { totalCount: sandbox.store.companies.all().length } },
  });
});

test('/metadata is not throttled with the records budget', async () => {
  const sandbox = await limited({ rateLimit: 1 });
  await gql(sandbox, ONE);
  for (let i = 0; i < 3; i++) {
    const r = await fetch(`${sandbox.url}/metadata`, { method: 'POST', headers: { Authorization: 'Bearer test-sandbox-key', 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ currentWorkspace { id } }' }) });
    expect(((await r.json()) as { errors?: unknown }).errors).toBeUndefined();
  }
});
