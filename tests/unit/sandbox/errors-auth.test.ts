import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { API_KEY, dataOf, fixture, gql, post, start } from '@/tests/unit/sandbox/harness';

type Capture = { request: { path: string; headers: Record<string, string>; body: { query: string; variables: Record<string, unknown> } }; response: { status: number; body: unknown } };

let sandbox: Sandbox;
let sandbox055: Sandbox;
beforeAll(async () => {
  [sandbox, sandbox055] = await Promise.all([start(), start({ twentyVersion: '0.55' })]);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), sandbox055.close()]);
});

/** Replays a captured request, swapping the redacted key for ours. */
async function replay(target: Sandbox, capture: Capture) {
  const auth = capture.request.headers.Authorization;
  // The capture redacted the JWT's header and payload; put a JWT-shaped pair back in their place.
  const token = auth?.replace(/^Bearer /, '').replace('REDACTED_HEADER_AND_PAYLOAD', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0');
  const key = token === undefined ? null : token === 'REDACTED' ? API_KEY : token;
  return post(target, capture.request.path as '/graphql' | '/metadata', capture.request.body.query, {
    key,
    variables: capture.request.body.variables,
    accept: capture.request.headers.Accept,
    capture: false,
  });
}

const authCaptures = fixture<Record<string, Capture>>('real/auth-error.json');
const miscCaptures = fixture<Record<string, Capture>>('real/graphql-errors-misc.json');

// 2.21's auth answers are replayed in conformance/real-2.21.test.ts (real-2.21/auth).
test.each(Object.keys(authCaptures))('v0.55 auth failure answers exactly as captured: %s', async (name) => {
  const capture = authCaptures[name];
  if (!capture) throw new Error(name);
  const reply = await replay(sandbox055, capture);
  expect([reply.status, reply.body]).toEqual([capture.response.status, capture.response.body]);
});

test('2.21 says "Token invalid." to any unknown key, with an object as user message', async () => {
  for (const key of ['not-a-jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln']) {
    const reply = await gql(sandbox, `{ opportunities(first: 1) { totalCount } }`, { key });
    expect(reply.body).toEqual({
      errors: [{ message: 'Token invalid.', extensions: { userFriendlyMessage: { id: 'z+7x/s', message: 'You must be authenticated to perform this action.' }, subCode: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED' } }],
    });
  }
});

test.each(Object.keys(miscCaptures).filter((k) => !k.startsWith('_')))('validation and coercion errors match the capture: %s', async (name) => {
  const capture = miscCaptures[name];
  if (!capture) throw new Error(name);
  const reply = await replay(sandbox055, capture);
  expect([reply.status, reply.body]).toEqual([capture.response.status, capture.response.body]);
});

test('a wrong key is logged as unauthorized and never reaches the data', async () => {
  sandbox.log.clear();
  await gql(sandbox, `{ opportunities(first: 1) { totalCount } }`, { key: 'wrong' });
  expect(sandbox.log.entries()).toMatchObject([{ endpoint: '/graphql', operationType: 'query', rootFields: ['opportunities'], authorized: false, rateLimited: false, source: 'client' }]);
});

test('2.21 rejects a repeated root field even under aliases (data {}); v0.55 answers it', async () => {
  const query = `{ NEW: opportunities(filter: { stage: { in: [NEW] } }) { totalCount } CUSTOMER: opportunities(filter: { stage: { in: [CUSTOMER] } }) { totalCount } }`;
  const current = await gql(sandbox, query);
  expect([current.status, current.body]).toEqual([200, { data: {}, errors: [{ message: 'Duplicate root resolver: "opportunities"', extensions: { code: 'BAD_USER_INPUT' } }] }]);
  const old = dataOf<{ NEW: { totalCount: number }; CUSTOMER: { totalCount: number } }>(await gql(sandbox055, query));
  const count = (stage: string) => sandbox055.store.opportunities.all().filter((r) => r.deletedAt === null && r.stage === stage).length;
  expect(old).toEqual({ NEW: { totalCount: count('NEW') }, CUSTOMER: { totalCount: count('CUSTOMER') } });
});

test('different root fields may share a document in 2.21', async () => {
  const data = dataOf<{ opportunities: { totalCount: number }; companies: { totalCount: number } }>(await gql(sandbox, `{ opportunities { totalCount } companies { totalCount } }`));
  expect(data.companies.totalCount).toBe(sandbox.store.companies.all().length);
});

test('2.21: a root field repeated through fragments is caught too; __typename beside record fields is refused', async () => {
  const repeated = await gql(sandbox, `query { ...Totals ...on Query { opportunities { totalCount } } } fragment Totals on Query { opportunities { totalCount } }`);
  expect(repeated.body.errors?.[0]?.message).toBe('Duplicate root resolver: "opportunities"');
  const mixed = await gql(sandbox, `query { __typename ...Totals } fragment Totals on Query { opportunities { totalCount } }`);
  expect(mixed.body).toEqual({ errors: [{ message: 'This query cannot be executed as a single request. Please split it into separate queries.', extensions: { code: 'BAD_USER_INPUT' } }] });
  expect(dataOf<{ __typename: string }>(await gql(sandbox, `{ __typename }`)).__typename).toBe('Query');
});

test('2.21: @include/@skip with a variable fails the root field as captured; a literal works', async () => {
  const withVariable = await gql(sandbox, `query($w: Boolean!) { opportunities(first: 1) { totalCount @include(if: $w) } companies(first: 1) { totalCount } }`, { variables: { w: true } });
  expect(withVariable.body).toEqual({
    data: { opportunities: null, companies: { totalCount: sandbox.store.companies.all().length } },
    errors: [{ message: "Cannot read properties of undefined (reading 'w')", extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
  const literal = dataOf<{ opportunities: Record<string, unknown> }>(await gql(sandbox, `{ opportunities(first: 1) { totalCount @include(if: false) edges { node { id } } } }`));
  expect(Object.keys(literal.opportunities)).toEqual(['edges']);
  const v055 = dataOf<{ opportunities: Record<string, unknown> }>(await gql(sandbox055, `query($w: Boolean!) { opportunities(first: 1) { totalCount @include(if: $w) } }`, { variables: { w: true } }));
  expect(typeof v055.opportunities.totalCount).toBe('number');
});

test('a request that is not JSON is a 400', async () => {
  const response = await fetch(`${sandbox.url}/graphql`, { method: 'POST', headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' }, body: '{nope' });
  expect(response.status).toBe(400);
});
