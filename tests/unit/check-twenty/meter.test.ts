import { describe, expect, test } from 'vitest';
import { CheckBudgetSpent, createRootFieldMeter, rootFieldCost } from '@/lib/twenty/check/meter';

// The meter sits where the network is: a stand-in for Twenty records what reaches it.

const body = (query: string, operationName?: string) => JSON.stringify({ query, variables: {}, ...(operationName ? { operationName } : {}) });

function fakeTwenty(answer: () => Response = () => Response.json({ data: { ok: true } })) {
  const sent: string[] = [];
  const fetchFn: typeof fetch = async (_input, init) => {
    sent.push(typeof init?.body === 'string' ? init.body : '');
    return answer();
  };
  return { sent, fetch: fetchFn };
}

describe('rootFieldCost', () => {
  test('counts root fields as Twenty does: aliases count, introspection apart, __typename not at all', () => {
    expect(rootFieldCost(body('query A { a: opportunities { totalCount } b: companies { totalCount } __typename }'))).toMatchObject({ counted: 2, introspection: 0, operation: 'A' });
    expect(rootFieldCost(body('query TwentyCapabilities { __schema { queryType { name } } __type(name: "X") { name } }'))).toMatchObject({ counted: 0, introspection: 2 });
  });

  test('an unreadable body is charged one field (never zero)', () => {
    expect(rootFieldCost('not json').counted).toBe(1);
    expect(rootFieldCost(body('query {')).counted).toBe(1);
    expect(rootFieldCost(undefined).counted).toBe(1);
  });
});

describe('createRootFieldMeter', () => {
  test('refuses, without sending, a request that would pass the cap', async () => {
    const twenty = fakeTwenty();
    const meter = createRootFieldMeter({ fetch: twenty.fetch, cap: 3 });
    await meter.fetch('http://t/graphql', { method: 'POST', body: body('query A { a: opportunities { totalCount } b: companies { totalCount } }') });
    await expect(meter.fetch('http://t/graphql', { method: 'POST', body: body('query B { a: opportunities { totalCount } b: companies { totalCount } }') })).rejects.toBeInstanceOf(
      CheckBudgetSpent,
    );
    await meter.fetch('http://t/graphql', { method: 'POST', body: body('query C { opportunities { totalCount } }') });
    expect(twenty.sent).toHaveLength(2);
    expect(meter.refusals()).toBe(1);
    expect(meter.remaining()).toBe(0);
    expect(meter.figures()).toEqual({ counted: 3, cap: 3, introspection: 0, requests: 2 });
  });

  test('introspection is not charged to the cap', async () => {
    const twenty = fakeTwenty();
    const meter = createRootFieldMeter({ fetch: twenty.fetch, cap: 1 });
    for (let i = 0; i < 3; i++) await meter.fetch('http://t/graphql', { method: 'POST', body: body(`query Q${i} { __type(name: "T${i}") { name } }`) });
    expect(twenty.sent).toHaveLength(3);
    expect(meter.figures()).toMatchObject({ counted: 0, introspection: 3 });
  });

  test('a second identical read of the schema or stage options is answered from memory', async () => {
    const twenty = fakeTwenty();
    const meter = createRootFieldMeter({ fetch: twenty.fetch });
    const stageOptions = body('query OpportunityStageOptions { objects { edges { node { nameSingular } } } }', 'OpportunityStageOptions');
    const first = await meter.fetch('http://t/metadata', { method: 'POST', body: stageOptions });
    const second = await meter.fetch('http://t/metadata', { method: 'POST', body: stageOptions });
    expect(await first.json()).toEqual({ data: { ok: true } });
    expect(await second.json()).toEqual({ data: { ok: true } });
    expect(twenty.sent).toHaveLength(1);
    expect(meter.figures().counted).toBe(1);
  });

  test('record queries and error answers are never remembered', async () => {
    const twenty = fakeTwenty(() => Response.json({ errors: [{ message: 'Token invalid.' }] }));
    const meter = createRootFieldMeter({ fetch: twenty.fetch });
    const caps = body('query TwentyCapabilities { __schema { queryType { name } } }', 'TwentyCapabilities');
    const records = body('query CheckOpportunities { records: opportunities(first: 1) { totalCount } }', 'CheckOpportunities');
    for (const b of [caps, caps, records, records]) await meter.fetch('http://t/graphql', { method: 'POST', body: b });
    expect(twenty.sent).toHaveLength(4);
  });
});
