// Who made a change decides two keys of every delivery: changes made in a user's session (a user
// token, the --activity user) carry `userId` and `workspaceMemberId`; API-key changes carry neither
// (real-2.21/webhooks/390 vs 011). The record's updatedBy names the writer either way.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { CANARY_MARKER } from '@/sandbox/records/canaries';
import { MEMBERS } from '@/sandbox/records/seed-names';
import { API_KEY, dataOf, gql, start } from '@/tests/unit/sandbox/harness';
import { startCatcher } from '@/tests/unit/sandbox/webhook-conformance-support';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { verifyTwentyWebhook } from '@/lib/live/webhook/verify';

const USER_TOKEN = 'test-user-session';
const UPDATE = `mutation($id: UUID!, $d: OpportunityUpdateInput!){ updateOpportunity(id: $id, data: $d){ id } }`;

let sandbox: Sandbox;
let catcher: Awaited<ReturnType<typeof startCatcher>>;

beforeEach(async () => {
  catcher = await startCatcher();
});
afterEach(async () => {
  await sandbox.close();
  await catcher.close();
});

async function startWatched(options: Parameters<typeof start>[0] = {}) {
  sandbox = await start({ opportunities: 20, userTokens: [USER_TOKEN], ...options });
  sandbox.workspace.metadata.webhooks.create({ targetUrl: `${catcher.base}/hook`, operations: ['*.*'] });
}

test('a user session names the user; the API key does not', async () => {
  await startWatched();
  const [first, second] = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null);
  dataOf(await gql(sandbox, UPDATE, { key: USER_TOKEN, variables: { id: first?.id, d: { name: 'By a user' } } }));
  dataOf(await gql(sandbox, UPDATE, { key: API_KEY, variables: { id: second?.id, d: { name: 'By the key' } } }));
  await sandbox.close();
  const byUser = catcher.received.find((d) => (d.body.record as { id: string }).id === first?.id);
  const byKey = catcher.received.find((d) => (d.body.record as { id: string }).id === second?.id);
  expect(byUser?.body).toMatchObject({ userId: MEMBERS[0].userId, workspaceMemberId: MEMBERS[0].id });
  expect(Object.keys(byUser?.body ?? {}).slice(5, 9)).toEqual(['eventDate', 'userId', 'workspaceMemberId', 'record']);
  expect((byUser?.body.record as { updatedBy: unknown }).updatedBy).toEqual({ source: 'MANUAL', workspaceMemberId: MEMBERS[0].id, name: `${MEMBERS[0].firstName} ${MEMBERS[0].lastName}`, context: {} });
  expect(byKey?.body).not.toHaveProperty('userId');
  expect(byKey?.body).not.toHaveProperty('workspaceMemberId');
  expect((byKey?.body.record as { updatedBy: { source: string } }).updatedBy.source).toBe('API');
});

test('the --activity user is a workspace member: its changes name it', async () => {
  await startWatched({ activityMs: 5, seed: 3 });
  for (let waited = 0; catcher.received.length === 0 && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  await sandbox.close();
  expect(catcher.received.length).toBeGreaterThan(0);
  for (const delivery of catcher.received) expect(delivery.body).toMatchObject({ userId: MEMBERS[0].userId, workspaceMemberId: MEMBERS[0].id });
});

test('with canaries the user is named by its canary, in updatedBy as in the member record', async () => {
  await startWatched({ canaries: true });
  const first = sandbox.store.opportunities.all().find((r) => r.deletedAt === null);
  await gql(sandbox, UPDATE, { key: USER_TOKEN, variables: { id: first?.id, d: { stage: 'MEETING' } } });
  await sandbox.close();
  const member = sandbox.store.workspaceMembers.get(MEMBERS[0].id);
  const updatedBy = (catcher.received[0]?.body.record as { updatedBy: { name: string } } | undefined)?.updatedBy;
  expect(updatedBy?.name).toBe(`${member?.firstName} ${member?.lastName}`);
  expect(updatedBy?.name).toContain(CANARY_MARKER);
});

test("the app's receiver accepts every kind of 2.21 delivery the demo workspace sends", async () => {
  await startWatched();
  const secret = sandbox.workspace.metadata.webhooks.list()[0]?.secret ?? '';
  const [a, b, c] = sandbox.store.opportunities.all().filter((r) => r.deletedAt === null).map((r) => r.id);
  await gql(sandbox, UPDATE, { key: USER_TOKEN, variables: { id: a, d: { stage: 'CUSTOMER' } } });
  await gql(sandbox, `mutation($f: OpportunityFilterInput!){ deleteOpportunities(filter: $f){ id } }`, { variables: { f: { id: { in: [b, c] } } } });
  await gql(sandbox, `mutation($f: OpportunityFilterInput!){ destroyOpportunities(filter: $f){ id } }`, { variables: { f: { id: { in: [b, c] } } } });
  const { metadata } = sandbox.workspace;
  metadata.updateField(metadata.stageField().id, { options: metadata.stageOptions().map((o) => ({ ...o, color: 'green' })) });
  await sandbox.close();
  expect(catcher.received.map((d) => d.body.eventName)).toEqual(['opportunity.updated', 'opportunity.deleted', 'opportunity.deleted', 'opportunity.destroyed', 'metadata.fieldMetadata.updated']);
  const nonces = createMemoryNonceStore(100);
  for (const delivery of catcher.received) {
    const result = await verifyTwentyWebhook({
      method: 'POST', headers: new Headers(delivery.headers), rawBody: new TextEncoder().encode(delivery.rawBody), secret,
      now: Date.now(), toleranceMs: 60_000, maxBytes: 64 * 1024, nonces,
    });
    expect(result.ok ? null : result.reason, String(delivery.body.eventName)).toBeNull();
  }
});
