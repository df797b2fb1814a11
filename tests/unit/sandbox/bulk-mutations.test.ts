// Twenty's filter-based bulk mutations over HTTP, and what each sends to webhooks: one delivery per
// record for update / delete / restore, one for the whole call for a 2.21 bulk destroy
// (FINDINGS item 4), one per record for v0.55.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { dataOf, gql, start, type PostOptions } from '@/tests/unit/sandbox/harness';
import { startCatcher } from '@/tests/unit/sandbox/webhook-conformance-support';

type Deal = { id: string; name: string; stage: string; deletedAt: string | null; ownerId?: string | null };

const FIELDS = 'id name stage deletedAt';
const UPDATE = `mutation($f: OpportunityFilterInput!, $d: OpportunityUpdateInput!) { updateOpportunities(filter: $f, data: $d) { ${FIELDS} } }`;
const byFilter = (op: string) => `mutation($f: OpportunityFilterInput!) { ${op}(filter: $f) { ${FIELDS} } }`;
// Some documents name 2.21-only fields (ownerId); the harness checks the rest against the captured v0.55 schema.
const raw: PostOptions = { capture: false };

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

async function startWith(version?: '0.55') {
  catcher = await startCatcher();
  sandbox = await start({ opportunities: 40, ...(version ? { twentyVersion: version, webhookUrls: [`${catcher.base}/hook`], webhookSecret: 's' } : {}) });
  if (!version) sandbox.workspace.metadata.webhooks.create({ targetUrl: `${catcher.base}/hook`, operations: ['opportunity.*'] });
}

/** Three live deals, lowest id first. */
function threeDeals(): string[] {
  return sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).slice(0, 3).map((r) => r.id);
}

const events = (name: string) => catcher.received.filter((d) => d.body.eventName === name);
const recordIds = (name: string) => events(name).map((d) => (d.body.record as { id: string }).id);

beforeEach(async () => startWith());
afterEach(async () => {
  await sandbox.close();
  await catcher.close();
});

test('updateOpportunities changes every matched record and sends one delivery per record', async () => {
  const ids = threeDeals();
  const reply = await gql(sandbox, UPDATE, { variables: { f: { id: { in: ids } }, d: { stage: 'MEETING' } } });
  const updated = dataOf<{ updateOpportunities: Deal[] }>(reply).updateOpportunities;
  expect(updated.map((d) => d.id).sort()).toEqual([...ids].sort());
  expect(updated.every((d) => d.stage === 'MEETING')).toBe(true);
  await sandbox.close();
  expect(recordIds('opportunity.updated').sort()).toEqual([...ids].sort());
});

test('updateOpportunities sets owners (ownerId) and names ownerId in updatedFields', async () => {
  const ids = threeDeals();
  const member = sandbox.store.workspaceMembers.all()[1]?.id;
  for (const id of ids) Object.assign(sandbox.store.opportunities.get(id) ?? {}, { ownerId: null });
  await gql(sandbox, UPDATE, { ...raw, variables: { f: { id: { in: ids } }, d: { ownerId: member } } });
  expect(ids.map((id) => sandbox.store.opportunities.get(id)?.ownerId)).toEqual([member, member, member]);
  await sandbox.close();
  // Seeded deals were last written by a member or an import, so the API key's write changes updatedBy too.
  expect(events('opportunity.updated').map((d) => d.body.updatedFields)).toEqual([['updatedBy', 'ownerId'], ['updatedBy', 'ownerId'], ['updatedBy', 'ownerId']]);
});

test('deleteOpportunities soft-deletes, restoreOpportunities brings back, one delivery per record each', async () => {
  const ids = threeDeals();
  const deleted = dataOf<{ deleteOpportunities: Deal[] }>(await gql(sandbox, byFilter('deleteOpportunities'), { variables: { f: { id: { in: ids } } } })).deleteOpportunities;
  expect(deleted.every((d) => d.deletedAt !== null)).toBe(true);
  const visible = dataOf<{ opportunities: { totalCount: number } }>(await gql(sandbox, `query($f: OpportunityFilterInput) { opportunities(filter: $f) { totalCount } }`, { variables: { f: { id: { in: ids } } } }));
  expect(visible.opportunities.totalCount).toBe(0);
  // Restore reaches soft-deleted records without the filter naming deletedAt, as Twenty's withDeleted query does.
  const restored = dataOf<{ restoreOpportunities: Deal[] }>(await gql(sandbox, byFilter('restoreOpportunities'), { variables: { f: { id: { in: ids } } } })).restoreOpportunities;
  expect(restored.map((d) => d.deletedAt)).toEqual([null, null, null]);
  await sandbox.close();
  expect(recordIds('opportunity.deleted').sort()).toEqual([...ids].sort());
  expect(recordIds('opportunity.restored').sort()).toEqual([...ids].sort());
  expect(events('opportunity.deleted').map((d) => d.body.updatedFields)).toEqual([['deletedAt'], ['deletedAt'], ['deletedAt']]);
});

test('2.21: destroyOpportunities removes every record but sends ONE destroyed delivery, for the first record', async () => {
  const ids = threeDeals();
  const destroyed = dataOf<{ destroyOpportunities: Deal[] }>(await gql(sandbox, byFilter('destroyOpportunities'), { variables: { f: { id: { in: ids } } } })).destroyOpportunities;
  expect(destroyed.map((d) => d.id).sort()).toEqual([...ids].sort());
  expect(ids.map((id) => sandbox.store.opportunities.get(id))).toEqual([undefined, undefined, undefined]);
  await sandbox.close();
  expect(recordIds('opportunity.destroyed')).toEqual([[...ids].sort()[0]]);
});

test('2.21: destroying soft-deleted records also sends one delivery, whose record carries its deletedAt', async () => {
  const ids = threeDeals();
  await gql(sandbox, byFilter('deleteOpportunities'), { variables: { f: { id: { in: ids } } } });
  await gql(sandbox, byFilter('destroyOpportunities'), { variables: { f: { id: { in: ids } } } });
  expect(ids.map((id) => sandbox.store.opportunities.get(id))).toEqual([undefined, undefined, undefined]);
  await sandbox.close();
  expect(events('opportunity.destroyed')).toHaveLength(1);
  expect((events('opportunity.destroyed')[0]?.body.record as { deletedAt: string | null }).deletedAt).not.toBeNull();
});

test('an invalid bulk update changes nothing and sends nothing', async () => {
  const ids = threeDeals();
  const owners = ids.map((id) => sandbox.store.opportunities.get(id)?.ownerId);
  const reply = await gql(sandbox, UPDATE, { ...raw, variables: { f: { id: { in: ids } }, d: { ownerId: '00000000-0000-4000-8000-000000000000' } } });
  expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(ids.map((id) => sandbox.store.opportunities.get(id)?.ownerId)).toEqual(owners);
  await sandbox.close();
  expect(catcher.received).toEqual([]);
});

test('a filter that matches nothing answers [] and sends nothing', async () => {
  const reply = await gql(sandbox, byFilter('destroyOpportunities'), { variables: { f: { name: { eq: 'no such deal' } } } });
  expect(dataOf<{ destroyOpportunities: Deal[] }>(reply).destroyOpportunities).toEqual([]);
  await sandbox.close();
  expect(catcher.received).toEqual([]);
});

test('v0.55: the bulk mutations exist, and a bulk destroy sends one delivery per record', async () => {
  await sandbox.close();
  await catcher.close();
  await startWith('0.55');
  const ids = threeDeals();
  await gql(sandbox, UPDATE, { variables: { f: { id: { in: ids } }, d: { stage: 'PROPOSAL' } } });
  await gql(sandbox, byFilter('destroyOpportunities'), { variables: { f: { id: { in: ids } } } });
  await sandbox.close();
  expect(events('opportunity.updated')).toHaveLength(3);
  expect(recordIds('opportunity.destroyed').sort()).toEqual([...ids].sort());
});

test("2.21: bulk filters follow the read side's rules (one operator per field) and nothing changes when refused", async () => {
  const before = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).length;
  const reply = await gql(sandbox, byFilter('deleteOpportunities'), { variables: { f: { closeDate: { gte: '2020-01-01T00:00:00.000Z', lt: '2030-01-01T00:00:00.000Z' } } } });
  expect(reply.body.errors?.[0]?.message).toBe('Filter for field "closeDate" must have exactly one operator');
  expect(sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).length).toBe(before);
  await sandbox.close();
  expect(catcher.received).toEqual([]);
});

test('2.21: an unknown stage in a write gets the database enum error, as an unknown stage in a filter does', async () => {
  const ids = threeDeals();
  const reply = await gql(sandbox, UPDATE, { ...raw, variables: { f: { id: { in: ids } }, d: { stage: 'WON' } } });
  expect(reply.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^invalid input value for enum workspace_[0-9a-z]+\.opportunity_stage_enum: "WON"$/), extensions: { code: 'BAD_USER_INPUT' } });
  expect(ids.map((id) => sandbox.store.opportunities.get(id)?.stage)).not.toContain('WON');
});
