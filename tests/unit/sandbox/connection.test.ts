import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, decodeCursor, fixture, gql, start } from '@/tests/unit/sandbox/harness';

type Page = {
  opportunities: {
    totalCount: number;
    edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  } & Record<string, unknown>;
};

let sandbox: Sandbox;
let sandbox055: Sandbox;
beforeAll(async () => {
  [sandbox, sandbox055] = await Promise.all([start({ opportunities: 1000 }), start({ opportunities: 1000, twentyVersion: '0.55' })]);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), sandbox055.close()]);
});

// The exact document the real capture was made with (opportunities-query.json, page1).
const captured = fixture<{ page1: { request: { body: { query: string; variables: Record<string, unknown> } }; response: { body: { data: Page } } } }>('real/opportunities-query.json').page1;

test('the captured page-1 query answers with the same keys and value types as real Twenty', async () => {
  const reply = await gql(sandbox, captured.request.body.query, { variables: captured.request.body.variables });
  const ours = dataOf<Page>(reply).opportunities;
  const real = captured.response.body.data.opportunities;
  expect(reply.status).toBe(200);
  expect(reply.headers.get('x-powered-by')).toBe('Express');
  expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());
  for (const key of Object.keys(real)) expect([key, typeof ours[key]]).toEqual([key, typeof real[key]]);
  expect(Object.keys(ours.pageInfo).sort()).toEqual(Object.keys(real.pageInfo).sort());
  const [ourEdge, realEdge] = [ours.edges[0], real.edges[0]];
  expect(ourEdge && Object.keys(ourEdge.node).sort()).toEqual(realEdge && Object.keys(realEdge.node).sort());
  expect(typeof (ourEdge?.node.amount as { amountMicros: unknown }).amountMicros).toBe('number');
});

test('aggregates cover the whole filtered set and are the same on every page', async () => {
  const query = `query($after: String) { opportunities(first: 60, after: $after, filter: { amount: { currencyCode: { eq: "USD" } } }) {
    totalCount sumAmountAmountMicros avgAmountAmountMicros minAmountAmountMicros maxAmountAmountMicros countEmptyAmount
    minCloseDate maxCloseDate edges { node { id } } pageInfo { endCursor } } }`;
  const usd = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null && r.currencyCode === 'USD');
  const amounts = usd.map((r) => r.amountMicros).filter((a): a is number => a !== null);
  const dates = usd.map((r) => r.closeDate).filter((d): d is number => d !== null);
  const page1 = dataOf<Page>(await gql(sandbox, query)).opportunities;
  const page2 = dataOf<Page>(await gql(sandbox, query, { variables: { after: page1.pageInfo.endCursor } })).opportunities;
  for (const page of [page1, page2]) {
    expect(page.totalCount).toBe(usd.length);
    expect(page.sumAmountAmountMicros).toBe(amounts.reduce((a, b) => a + b, 0));
    expect(page.minAmountAmountMicros).toBe(Math.min(...amounts));
    expect(page.maxAmountAmountMicros).toBe(Math.max(...amounts));
    expect(page.minCloseDate).toBe(new Date(Math.min(...dates)).toISOString());
    expect(page.maxCloseDate).toBe(new Date(Math.max(...dates)).toISOString());
  }
  expect(page1.edges).toHaveLength(60);
  expect(page2.edges[0]?.node.id).not.toBe(page1.edges[0]?.node.id);
});

test('cursors are base64 JSON of the order-by values plus id, as Twenty makes them', async () => {
  const byAmount = dataOf<Page>(await gql(sandbox, `{ opportunities(first: 1, orderBy: [{ amount: { amountMicros: DescNullsLast } }]) { edges { cursor node { id amount { amountMicros currencyCode } } } } }`));
  const edge = byAmount.opportunities.edges[0];
  const amount = edge?.node.amount as { amountMicros: number; currencyCode: string };
  expect(decodeCursor(edge?.cursor ?? '')).toEqual({ amount: { amountMicros: String(amount.amountMicros), currencyCode: amount.currencyCode }, id: edge?.node.id });
  const byDefault = dataOf<Page>(await gql(sandbox, `{ opportunities(first: 1) { edges { cursor node { id } } } }`));
  expect(decodeCursor(byDefault.opportunities.edges[0]?.cursor ?? '')).toEqual({ id: byDefault.opportunities.edges[0]?.node.id });
});

async function pageThrough(target: Sandbox, orderBy: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let calls = 0; calls < 40; calls++) {
    const page: Page = dataOf<Page>(await gql(target, `query($after: String) { opportunities(first: 60, after: $after${orderBy}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { variables: { after } }));
    ids.push(...page.opportunities.edges.map((e) => e.node.id));
    if (!page.opportunities.pageInfo.hasNextPage) return ids;
    after = page.opportunities.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

test.each([
  ['id order', ''],
  ['closeDate order', ', orderBy: [{ closeDate: AscNullsLast }]'],
  ['amount order', ', orderBy: [{ amount: { amountMicros: DescNullsFirst } }]'],
  ['stage then name', ', orderBy: [{ stage: DescNullsLast }, { name: AscNullsFirst }]'],
])('paging a 1,000-deal seed with first 60 + after returns every live record exactly once (%s)', async (_, orderBy) => {
  const live = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).map((r) => r.id);
  const ids = await pageThrough(sandbox, orderBy);
  expect(ids).toHaveLength(live.length);
  expect(new Set(ids)).toEqual(new Set(live));
});

test('last + before pages backwards from a cursor', async () => {
  const all = dataOf<Page>(await gql(sandbox, `{ opportunities(first: 30, orderBy: [{ closeDate: AscNullsLast }]) { edges { cursor node { id } } } }`)).opportunities.edges;
  const before = all[20]?.cursor;
  const back = dataOf<Page>(await gql(sandbox, `query($b: String) { opportunities(last: 5, before: $b, orderBy: [{ closeDate: AscNullsLast }]) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } }`, { variables: { b: before } }));
  expect(back.opportunities.edges.map((e) => e.node.id)).toEqual(all.slice(15, 20).map((e) => e.node.id));
  expect(back.opportunities.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
});

test('default page is 200 in 2.21 and 60 in v0.55; neither caps first (captured: misc/first-500, over-limit)', async () => {
  const query = `query($first: Int) { opportunities(first: $first) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`;
  expect(dataOf<Page>(await gql(sandbox, `{ opportunities { edges { node { id } } } }`)).opportunities.edges).toHaveLength(200);
  expect(dataOf<Page>(await gql(sandbox055, `{ opportunities { edges { node { id } } } }`)).opportunities.edges).toHaveLength(60);
  for (const target of [sandbox, sandbox055]) {
    const all = dataOf<Page>(await gql(target, query, { variables: { first: 1000 } })).opportunities;
    expect([all.edges.length, all.pageInfo.hasNextPage]).toEqual([all.totalCount, false]);
  }
});

test('2.21 skips `offset` records after the cursor position', async () => {
  const ids = (reply: Page) => reply.opportunities.edges.map((e) => e.node.id);
  const first13 = ids(dataOf<Page>(await gql(sandbox, `{ opportunities(first: 13) { edges { node { id } } } }`)));
  const skipped = ids(dataOf<Page>(await gql(sandbox, `{ opportunities(first: 3, offset: 10) { edges { node { id } } } }`, { capture: false })));
  expect(skipped).toEqual(first13.slice(10));
});

test('v0.55 argument errors are the captured ones, byte for byte (2.21: conformance/real-2.21)', async () => {
  const overLimit = fixture<Record<string, { request: { body: { query: string; variables: Record<string, unknown> } }; response: { status: number; body: unknown } }>>('real/over-limit.json');
  for (const name of ['first_negative', 'first_and_last_together']) {
    const real = overLimit[name];
    if (!real) throw new Error(`fixture ${name} missing`);
    const reply = await gql(sandbox055, real.request.body.query, { variables: real.request.body.variables });
    expect([reply.status, reply.body]).toEqual([real.response.status, real.response.body]);
  }
});

test('opportunity(filter) returns one record and Twenty NOT_FOUND when nothing matches', async () => {
  const id = sandbox.store.opportunities.all()[5]?.id;
  const found = dataOf<{ opportunity: { id: string; company: { name: string } | null } }>(await gql(sandbox, `query($id: UUID) { opportunity(filter: { id: { eq: $id } }) { id company { name } } }`, { variables: { id } }));
  expect(found.opportunity.id).toBe(id);
  const missing = await gql(sandbox, `{ opportunity(filter: { name: { eq: "no such deal" } }) { id } }`);
  expect(missing.body).toEqual({
    data: { opportunity: null },
    errors: [{ message: 'Record not found', extensions: { subCode: 'RECORD_NOT_FOUND', userFriendlyMessage: 'This record does not exist or has been deleted.', code: 'NOT_FOUND' } }],
  });
  const missing055 = await gql(sandbox055, `{ opportunity(filter: { name: { eq: "no such deal" } }) { id } }`);
  expect(missing055.body).toEqual({ errors: [{ message: 'Record not found', extensions: { code: 'NOT_FOUND' } }], data: { opportunity: null } });
});
