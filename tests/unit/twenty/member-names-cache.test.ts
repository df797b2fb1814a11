import { expect, test } from 'vitest';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { createCallBudget } from '@/lib/twenty/budget';
import { createMemberNames } from '@/lib/twenty/member-names';
import { createTransport } from '@/lib/twenty/transport';
import { strict221 } from './helpers/strict-221';
import { KEY, NOW, startSandboxesForFile } from './helpers/sandboxes';

// The client's one cache of owners' names, shared by dashboards with different owners: while
// fresh only the ids no read asked for yet are read; once stale, one read takes every id the
// dashboards asked for, so two dashboards refreshing in turn cost one names read per interval
// (they used to replace each other's ids and re-read at every refresh).

const { client, sandbox, lastRequests } = startSandboxesForFile();

const ALEX = '20202020-0687-4c41-b707-ed1bfca972a7';
const SAM = '20202020-77d5-4cb6-b60a-f4a835a85d61';
const board = (slug: string, owner: string) => dashboardDefaults({ slug, title: slug, fields: ['amount', 'owner'], filter: { ownerIds: [owner] } });

const namesReads = () => lastRequests().sent.filter((r) => /workspaceMembers/.test(r.query ?? '')).length;

test('two owner dashboards refreshing in turn: each owner set read once while the names are fresh', async () => {
  const twenty = client('2.21');
  const alex = board('alex', ALEX);
  const sam = board('sam', SAM);
  const first = await twenty.fetchPipelineData(alex, NOW);
  expect(first.owners?.names[ALEX]).toBeTruthy();
  const second = await twenty.fetchPipelineData(sam, NOW);
  expect(second.owners?.names[SAM]).toBeTruthy();
  expect(namesReads()).toBe(2);
  for (let i = 0; i < 3; i++) {
    expect((await twenty.fetchPipelineData(alex, NOW)).owners?.names).toEqual(first.owners?.names);
    expect((await twenty.fetchPipelineData(sam, NOW)).owners?.names).toEqual(second.owners?.names);
  }
  expect(namesReads()).toBe(2);
});

test('after the first interval, one names read per interval for both owner sets', async () => {
  const transport = createTransport({ apiUrl: sandbox('2.21').url, apiKey: KEY, budget: createCallBudget({ perMinute: 100_000 }), timeoutMs: 10_000, fetch: strict221().fetch, log: () => {} });
  let clock = 0;
  const names = createMemberNames(transport, 1000, () => {}, () => clock);
  const both = { ...(await names.namesOf([ALEX], 60)), ...(await names.namesOf([SAM], 60)) };
  expect(Object.keys(both).sort()).toEqual([ALEX, SAM].sort());
  expect(transport.callCount()).toBe(2);
  for (const [at, reads] of [[999, 2], [1000, 3], [1500, 3], [2000, 4], [2999, 4], [3000, 5]] as const) {
    clock = at;
    expect({ ...(await names.namesOf([SAM], 60)), ...(await names.namesOf([ALEX], 60)) }).toEqual(both);
    expect({ at, reads: transport.callCount() }).toEqual({ at, reads });
  }
});
