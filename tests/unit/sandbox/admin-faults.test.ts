import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { API_KEY, gql, start } from '@/tests/unit/sandbox/harness';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await start({ opportunities: 20 });
});
afterEach(async () => {
  await sandbox.close();
});

const admin = (path: string, method = 'GET', body?: unknown, key: string | null = API_KEY) =>
  fetch(`${sandbox.url}${path}`, {
    method,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

test('the request log is readable and resettable over HTTP, behind the API key', async () => {
  await gql(sandbox, `query { opportunities(first: 1) { totalCount } companies(first: 1) { totalCount } }`);
  await gql(sandbox, `mutation($id: UUID!) { deleteOpportunity(id: $id) { id } }`, { variables: { id: sandbox.store.opportunities.all()[0]?.id } });
  expect((await admin('/__sandbox/requests', 'GET', undefined, null)).status).toBe(401);
  const log = (await (await admin('/__sandbox/requests')).json()) as { requests: Record<string, unknown>[] };
  expect(log.requests).toMatchObject([
    { endpoint: '/graphql', operationType: 'query', rootFields: ['opportunities', 'companies'], authorized: true, rateLimited: false, source: 'client' },
    { endpoint: '/graphql', operationType: 'mutation', rootFields: ['deleteOpportunity'], authorized: true, rateLimited: false, source: 'client' },
  ]);
  expect(Number.isNaN(Date.parse(String(log.requests[0]?.at)))).toBe(false);
  expect((await admin('/__sandbox/requests/reset', 'POST', undefined, 'wrong')).status).toBe(401);
  expect((await admin('/__sandbox/requests/reset', 'POST')).status).toBe(200);
  expect(sandbox.log.entries()).toEqual([]);
});

test('faults: down, http-500, malformed JSON, revoked key, rate-limited, slow, then back to normal', async () => {
  const ONE = `query { opportunities(first: 1) { totalCount } }`;
  await admin('/__sandbox/faults', 'POST', { mode: 'down' });
  await expect(gql(sandbox, ONE)).rejects.toThrow();
  await admin('/__sandbox/faults', 'POST', { mode: 'http-500' });
  expect((await fetch(`${sandbox.url}/graphql`, { method: 'POST', body: '{}' })).status).toBe(500);
  await admin('/__sandbox/faults', 'POST', { mode: 'malformed-json' });
  await expect(gql(sandbox, ONE)).rejects.toThrow(SyntaxError);
  await admin('/__sandbox/faults', 'POST', { mode: 'revoked-key' });
  expect((await gql(sandbox, ONE)).body).toEqual({
    errors: [{ message: 'This API Key is revoked', extensions: { subCode: 'FORBIDDEN_EXCEPTION', userFriendlyMessage: { id: 'q5OVn+', message: 'You do not have permission to perform this action.' }, code: 'FORBIDDEN' } }],
  });
  await admin('/__sandbox/faults', 'POST', { mode: 'rate-limited' });
  const limited = await gql(sandbox, ONE);
  expect([limited.body.data, limited.body.errors?.[0]?.extensions?.subCode]).toEqual([{ opportunities: null }, 'LIMIT_REACHED']);
  await admin('/__sandbox/faults', 'POST', { mode: 'slow', ms: 300 });
  const started = Date.now();
  await gql(sandbox, ONE);
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  expect((await admin('/__sandbox/faults', 'POST', { mode: 'sideways' })).status).toBe(400);
  await admin('/__sandbox/faults', 'POST', { mode: 'none' });
  expect((await gql(sandbox, ONE)).body.errors).toBeUndefined();
});

test('activity moves deals through the same GraphQL, logged as source "activity"', async () => {
  const busy = await start({ opportunities: 30, activityMs: 40 });
  try {
    const seen: string[] = [];
    busy.onChange((batch) => seen.push(...batch.map((c) => c.action)));
    const deadline = Date.now() + 5_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.length).toBeGreaterThan(0);
    const activity = busy.log.entries().filter((e) => e.source === 'activity');
    expect(activity.some((e) => e.operationType === 'mutation' && e.authorized)).toBe(true);
    expect(busy.log.entries().filter((e) => e.source === 'client')).toEqual([]);
  } finally {
    await busy.close();
  }
});
