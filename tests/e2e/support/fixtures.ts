import { test as base, expect } from '@playwright/test';
import { Crm } from './crm';
import { appOperations, startStack, type RunningStack } from './stack';
import type { TwentyVersion } from './stacks';

// The fixtures every spec uses. A worker starts its stack (support/stack.ts) the first time one
// of its tests needs it (a page, `request`, `crm`, `sandboxUrl`…) and stops it when it exits.
// The app must never send the workspace a mutation: that is checked after every test that ran
// while the worker's stack was up, and once more over the stack's whole life when it stops, so
// it holds whatever the order of the specs and however many workers run.

export type StackOptions = { twentyVersion: TwentyVersion };
type WorkerFixtures = StackOptions & { stack: RunningStack; sandboxUrl: string };
type TestFixtures = { crm: Crm; appStaysReadOnly: void };

/** This worker's stack once started, so the per-test check never starts one itself. */
let started: RunningStack | undefined;

async function expectAppReadOnly(stack: RunningStack, when: string): Promise<{ queries: number; testerMutations: number }> {
  const { totals, testerMutations, writes } = await appOperations(stack.sandboxUrl);
  expect(writes, `the app sent the workspace something other than a query ${when}`).toEqual([]);
  expect(totals.mutation, `mutations from the app's key ${when}`).toBe(0);
  expect(totals.subscription, `subscriptions from the app's key ${when}`).toBe(0);
  return { queries: totals.query, testerMutations };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  twentyVersion: ['2.21', { option: true, scope: 'worker' }],
  stack: [
    async ({ twentyVersion }, use, workerInfo) => {
      const stack = await startStack(twentyVersion, workerInfo.parallelIndex);
      started = stack;
      try {
        await use(stack);
        // Over the whole life of the stack, background refreshes between tests included.
        const { queries, testerMutations } = await expectAppReadOnly(stack, 'during this worker');
        console.log(`[readonly] ${workerInfo.project.name} worker ${workerInfo.workerIndex}: the app made ${queries} queries and 0 mutations; tests as a CRM user made ${testerMutations} mutations`);
      } finally {
        started = undefined;
        await stack.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  sandboxUrl: [async ({ stack }, use) => use(stack.sandboxUrl), { scope: 'worker' }],
  baseURL: async ({ stack }, use) => use(stack.appUrl),
  crm: async ({ sandboxUrl }, use) => use(new Crm(sandboxUrl)),
  // Mutations in the log come from the tests' own CRM-user key (keyIndex 1), which plays the
  // people editing deals in Twenty; the app's key is keyIndex 0.
  appStaysReadOnly: [
    async ({}, use, testInfo) => {
      await use();
      if (started) await expectAppReadOnly(started, `by the end of "${testInfo.title}"`);
    },
    { auto: true },
  ],
});

export { expect };
