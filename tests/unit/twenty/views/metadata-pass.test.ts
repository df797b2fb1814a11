// One pass of the metadata watch (lib/twenty/metadata-pass.ts), run by the app's client against the
// demo workspace (Twenty 2.21, strict) with the read-only key: it re-reads the stage options once and
// each saved view once, answers "nothing moved" with no records query, names a view whose filters
// a user changed, a stage label renamed, and a view name that became ambiguous, and leaves what it
// read for the next load, so a client that keeps the view for 60 s still picks the change up.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardSchema, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient } from '@/lib/twenty/client';
import type { Sandbox } from '@/sandbox/index';
import { strict221 } from '@/tests/unit/twenty/helpers/strict-221';
import { createView, NOW, READ_ONLY, startViewWorkspace, updateViewFilter, USER } from '@/tests/unit/twenty/views/view-workspace';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startViewWorkspace();
}, 30_000);
afterAll(async () => {
  await sandbox.close();
});

const board = (slug: string, extra: Record<string, unknown> = {}): DashboardConfig =>
  dashboardSchema.parse({ slug, title: slug, fields: ['name', 'amount', 'stage'], ...extra });

/** The client as the app builds it, with its endpoints counted (records vs metadata). */
function countedClient() {
  const calls = { records: 0, metadata: 0 };
  const strict = strict221().fetch;
  const counting: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/metadata')) calls.metadata += 1;
    else calls.records += 1;
    return strict(input, init);
  };
  const client = createTwentyClient({ apiUrl: sandbox.url, apiKey: READ_ONLY, budget: createCallBudget({ perMinute: 100_000 }), log: () => {}, fetch: counting });
  return { client, calls };
}

async function asUser(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/metadata`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${USER}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`metadata write failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

test('nothing moved: one stage-options call and one call per distinct view, no records query', async () => {
  const { client, calls } = countedClient();
  const big = board('big', { twentyView: 'Big deals' });
  const bigToo = board('big-too', { twentyView: 'Big deals', filter: { stages: ['NEW'] } });
  const plain = board('plain');
  const loaded = await Promise.all([big, bigToo, plain].map(async (d) => ({ d, data: await client.fetchPipelineData(d, NOW) })));
  expect(loaded[0]?.data.view?.fingerprint).toMatch(/^[\w-]{22}$/);
  const before = { ...calls };
  const pass = client.metadataPass();
  const changes = await Promise.all(loaded.map(({ d, data }) => pass.changeOf(d, data)));
  expect(changes).toEqual([null, null, null]);
  expect(calls).toEqual({ records: before.records, metadata: before.metadata + 2 });
});

test("a view's filters changed by a user: that dashboard's view moved; the next load reads the new view at once", async () => {
  const id = await createView(sandbox, { name: 'Watched proposals', filters: [{ field: 'stage', operand: 'IS', value: '["PROPOSAL"]' }] });
  const { client } = countedClient(); // keeps the view for the default 60 s
  const watched = board('watched', { twentyView: 'Watched proposals' });
  const other = board('other', { twentyView: 'Big deals' });
  const [before, otherData] = await Promise.all([client.fetchPipelineData(watched, NOW), client.fetchPipelineData(other, NOW)]);
  expect(before.view).toMatchObject({ exact: true, stages: ['PROPOSAL'] });
  const filters = (await asUser('query($v:String){ getViewFilters(viewId:$v){ id } }', { v: id })) as { getViewFilters: { id: string }[] };
  await updateViewFilter(sandbox, filters.getViewFilters[0]?.id ?? '', { value: '["CUSTOMER"]' });

  const pass = client.metadataPass();
  expect(await pass.changeOf(watched, before)).toBe('view');
  expect(await pass.changeOf(other, otherData)).toBeNull();
  const after = await client.fetchPipelineData(watched, NOW);
  expect(after.view).toMatchObject({ exact: true, stages: ['CUSTOMER'] });
  expect(after.groups.every((g) => g.stage === 'CUSTOMER')).toBe(true);
  expect(await client.metadataPass().changeOf(watched, after)).toBeNull();
});

test('a stage renamed in the metadata moves every dashboard; a view name that became ambiguous refuses', async () => {
  const { client } = countedClient();
  const named = board('named', { twentyView: 'Soon twins' });
  await createView(sandbox, { name: 'Soon twins', filters: [{ field: 'stage', operand: 'IS', value: '["NEW"]' }] });
  const data = await client.fetchPipelineData(named, NOW);
  await createView(sandbox, { name: 'Soon twins' });
  expect(await client.metadataPass().changeOf(named, data)).toBe('view_refused');
  await expect(client.fetchPipelineData(named, NOW)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringMatching(/dashboard named: saved view "Soon twins": 2 opportunity views/) });

  const plain = board('plain');
  const plainData = await client.fetchPipelineData(plain, NOW);
  const object = sandbox.workspace.metadata.object('opportunity');
  const stage = object.fields.find((f) => f.name === 'stage');
  const options = (stage?.options ?? []) as { value: string; label: string }[];
  const renamed = options.map((o) => (o.value === 'MEETING' ? { ...o, label: 'Demo booked' } : o));
  await asUser('mutation($i:UpdateOneFieldMetadataInput!){ updateOneField(input:$i){ id } }', { i: { id: stage?.id, update: { options: renamed } } });
  expect(await client.metadataPass().changeOf(plain, plainData)).toBe('stage_options');
  const reloaded = await client.fetchPipelineData(plain, NOW);
  expect(reloaded.stageOptions.find((o) => o.value === 'MEETING')?.label).toBe('Demo booked');
});
