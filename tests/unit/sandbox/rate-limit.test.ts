import { afterEach, expect, test } from 'vitest';
import type { Sandbox } from '@/lib/sandbox/index';
import { dataOf, fixture, gql, start } from '@/tests/unit/sandbox/harness';

const open: Sandbox[] = [];
async function limited(options: Parameters<typeof start>[0]): Promise<Sandbox> {
  const sandbox = await start(options);
  open.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const ONE = `query { opportunities(first: 1) { totalCount } }`;

test('current: over budget the whole request is refused with RATE_LIMITED and retryAfterMs', async () => {
  const sandbox = await limited({ rateLimit: 3 });
  for (let i = 0; i < 3; i++) expect((await gql(sandbox, ONE)).body.errors).toBeUndefined();
  const refused = await gql(sandbox, ONE);
  const shape = fixture<{ v2: { status: number; body: { errors: { extensions: Record<string, unknown> }[]; data: null } } }>('rate-limited-graphql.json').v2;
  expect(refused.status).toBe(shape.status);
  expect(refused.body.data).toBeNull();
  const extensions = refused.body.errors?.[0]?.extensions ?? {};
  expect(Object.keys(extensions).sort()).toEqual(Object.keys(shape.body.errors[0]?.extensions ?? {}).sort());
  expect(extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3, remaining: 0, periodCount: 60, periodUnit: 'second' });
  expect(extensions.retryAfterMs).toBeGreaterThan(59_000);
  expect(refused.body.errors?.[0]?.message).toBe('Rate limit exceeded for apiKey: 3 requests per 60s.');
  expect(sandbox.log.entries().map((e) => e.rateLimited)).toEqual([false, false, false, true]);
});

test('current: each root field costs one call, and the budget comes back after the window', async () => {
  const sandbox = await limited({ rateLimit: 2, rateLimitWindowMs: 300 });
  expect((await gql(sandbox, `{ opportunities { totalCount } companies { totalCount } }`)).body.errors).toBeUndefined();
  expect((await gql(sandbox, ONE)).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect(dataOf<{ opportunities: { totalCount: number } }>(await gql(sandbox, ONE)).opportunities.totalCount).toBeGreaterThan(0);
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
