// Conformance with the real Twenty 2.21 server: every captured request of the replayed folders
// (manifest-2.21.ts) is sent to the demo workspace in its default mode, and the answer must match
// the capture: status, errors (message, code, subCode, user message), which data is null, the shape,
// and the data itself where the replica reproduces it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { filesUnder, loadCapture, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';
import { differences } from '@/tests/unit/sandbox/conformance/compare';
import { isReplayed221, planFor, type Target } from '@/tests/unit/sandbox/conformance/manifest-2.21';
import { KEYS, replay, startReplica, startWorkspace, tokenOf } from '@/tests/unit/sandbox/conformance/replay';
import { idMap, loadViewsReplica, remapIds } from '@/tests/unit/sandbox/conformance/views-replica';

const FILES = filesUnder(REAL_221).filter(isReplayed221);
const workspaces = new Map<Target, Sandbox>();
let blockedAt = 0;

beforeAll(async () => {
  // The view captures were taken on 2026-11-30 (view H's "this year" is 2026 in New York).
  const captureDay = () => Date.parse('2026-11-30T16:40:00.000Z');
  const [initial, r300, r460, scratch, hooks, views, viewsScratch] = await Promise.all([
    startReplica('initial'), startReplica(300), startReplica(460), startWorkspace(), startWorkspace(),
    startReplica(460, {}, { clock: captureDay }), startReplica(460, {}, { clock: captureDay }),
  ]);
  loadViewsReplica(views);
  loadViewsReplica(viewsScratch, { beforeDelete: true });
  // Twenty's bucket: 100 tokens a minute for the workspace. Its clock stands still here, so the
  // 100 calls that empty it stay within the minute and no token comes back during the replays.
  blockedAt = Date.parse('2026-11-30T16:18:31Z');
  const blocked = await startReplica(460, { rateLimit: 100 }, { now: () => blockedAt });
  for (let i = 0; i < 100; i++) {
    const reply = await fetch(`${blocked.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEYS.admin}` },
      body: JSON.stringify({ query: '{ opportunities(first: 1) { totalCount } }' }),
    });
    expect(((await reply.json()) as { errors?: unknown }).errors).toBeUndefined();
  }
  workspaces.set('initial', initial).set('r300', r300).set('r460', r460).set('scratch', scratch).set('blocked', blocked).set('hooks', hooks);
  workspaces.set('views', views).set('views-scratch', viewsScratch);
}, 60_000);

afterAll(async () => {
  await Promise.all([...workspaces.values()].map((s) => s.close()));
});

/** The captured request's own values that name records of the real server, swapped for ours. */
function variablesFor(file: string, sandbox: Sandbox, variables: Record<string, unknown> | null | undefined) {
  if (file === 'auth/revoke-api-key.json') return { i: { id: sandbox.credentials.principalOf(KEYS.revoked)?.id } };
  // Object and field ids of the real server, in view requests, name the same metadata here.
  if (/^views-dashboards\/q[12]-/.test(file)) return remapIds(variables ?? undefined, idMap(sandbox));
  return variables ?? undefined;
}

test.each(FILES)('%s answers as the real 2.21 server did', async (file) => {
  const capture = loadCapture(REAL_221, file);
  const plan = planFor(file);
  const sandbox = workspaces.get(plan.target);
  if (!sandbox) throw new Error(`no workspace ${plan.target}`);
  const revoked = sandbox.credentials.principalOf(KEYS.revoked);
  if (plan.caller === 'revoked' && revoked) sandbox.credentials.revoke(revoked.id);
  const ours = await replay(sandbox, capture, tokenOf(plan.caller), variablesFor(file, sandbox, capture.request.body.variables));
  expect(differences(capture.response, ours, plan.data)).toEqual([]);
});

test('the replayed folders hold captures (the list is not silently empty)', () => {
  expect(FILES.length).toBeGreaterThan(140);
});
