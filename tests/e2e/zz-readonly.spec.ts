import { test, expect } from './support/fixtures';
import { E2E_TEST_KEY } from './support/stacks';

// Runs last (the file name sorts last and workers is 1): over the whole suite, the app's key
// (keyIndex 0) sent the demo workspace queries only. Mutations in the log come from the tests'
// own CRM-user key (keyIndex 1), which plays the people editing deals in Twenty.

type Totals = Record<string, { query: number; mutation: number; subscription: number }>;
type Log = { requests: { operationType: string; keyIndex?: number; endpoint: string; rootFields: string[] }[]; totals: Totals };

test('the app never sent a mutation to the workspace, across the whole suite', async ({ sandboxUrl }) => {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests`, { headers: { authorization: `Bearer ${E2E_TEST_KEY}` } });
  expect(response.status).toBe(200);
  const log = (await response.json()) as Log;
  const app = log.totals.key0;
  expect(app, 'the app made no calls at all: the check would prove nothing').toBeDefined();
  expect(app?.query).toBeGreaterThan(0);
  expect(app?.mutation).toBe(0);
  expect(app?.subscription).toBe(0);
  expect(log.requests.filter((r) => r.keyIndex === 0 && r.operationType !== 'query')).toEqual([]);
  console.log(`[readonly] app: ${app?.query ?? 0} queries, 0 mutations; tests as a CRM user: ${log.totals.key1?.mutation ?? 0} mutations`);
});
