// Conformance with the captured Twenty v0.55 server (real/): every `{request, response}` case of
// every capture file is replayed against a demo workspace in `--twenty-version 0.55` and must
// match it (status, errors, null data, shape; the data where reproducible).
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { casesOf, filesUnder, readJson, REAL_055, type Capture } from '@/tests/unit/sandbox/conformance/captures';
import { differences } from '@/tests/unit/sandbox/conformance/compare';
import { DATA_055, NOT_REPLAYED_055, RATE_LIMIT_SCALED, RATE_LIMIT_SCENARIO, tokenFor } from '@/tests/unit/sandbox/conformance/manifest-0.55';
import { KEYS, replay, startWorkspace } from '@/tests/unit/sandbox/conformance/replay';

const FILES = filesUnder(REAL_055).filter((f) => !Object.keys(NOT_REPLAYED_055).some((skip) => f.startsWith(skip)));
const CASES = FILES.filter((f) => f !== 'rate-limit.json').flatMap((file) => casesOf(readJson(join(REAL_055, file))).map(({ name, capture }) => ({ id: `${file}#${name}`, capture })));
const rateCases = new Map(casesOf(readJson(join(REAL_055, 'rate-limit.json'))).map(({ name, capture }) => [name, capture]));

let workspace: Sandbox;
let scratch: Sandbox;
let limited: Sandbox;
let clock = 0;
const limitedAnswers = new Map<string, { capture: Capture; answer: Awaited<ReturnType<typeof replay>> }>();

beforeAll(async () => {
  const v055 = { twentyVersion: '0.55' as const, opportunities: 94 };
  [workspace, scratch, limited] = await Promise.all([
    startWorkspace(v055),
    startWorkspace(v055),
    startWorkspace({ ...v055, rateLimit: RATE_LIMIT_SCALED, rateLimitWindowMs: 100_000 }, { now: () => clock }),
  ]);
  const warmUp = rateCases.get('last_ok');
  if (!warmUp) throw new Error('rate-limit.json has no last_ok');
  for (let i = 1; i < RATE_LIMIT_SCALED; i++) await replay(limited, warmUp, KEYS.admin);
  for (const [name, at] of RATE_LIMIT_SCENARIO) {
    const capture = rateCases.get(name);
    if (!capture) throw new Error(`rate-limit.json has no ${name}`);
    clock = at;
    limitedAnswers.set(name, { capture, answer: await replay(limited, capture, tokenFor(capture.request.headers.Authorization)) });
  }
});

afterAll(async () => {
  await Promise.all([workspace, scratch, limited].map((s) => s.close()));
});

/** Ids of the real server's records in the captured variables, swapped for the workspace's own. */
function variablesFor(id: string, capture: Capture, target: Sandbox): Record<string, unknown> | undefined {
  const { metadata, store } = target.workspace;
  if (id === 'stage-options.json#field_query') return { id: metadata.stageField().id };
  if (id === 'stage-options.json#object_query') return { id: metadata.object('opportunity').id };
  const variables = capture.request.body.variables ?? undefined;
  if (id !== 'extra-opportunities-created.json#(file)' || !Array.isArray(variables?.data)) return variables;
  const ours = store.companies.all().map((c) => c.id);
  const theirs: string[] = [];
  const companyOf = (real: unknown) => {
    if (typeof real !== 'string') return real;
    if (!theirs.includes(real)) theirs.push(real);
    return ours[theirs.indexOf(real) % ours.length];
  };
  return { ...variables, data: variables.data.map((d: Record<string, unknown>) => ({ ...d, companyId: companyOf(d.companyId) })) };
}

test.each(CASES.map((c) => [c.id, c.capture] as const))('%s answers as the real v0.55 server did', async (id, capture) => {
  const target = capture.request.body.query.trimStart().startsWith('mutation') ? scratch : workspace;
  const ours = await replay(target, capture, tokenFor(capture.request.headers.Authorization), variablesFor(id, capture, target));
  expect(differences(capture.response, ours, DATA_055[id])).toEqual([]);
});

test.each(RATE_LIMIT_SCENARIO.map(([name]) => name))('rate-limit.json#%s answers as the real v0.55 server did, in the captured order', (name) => {
  const replayed = limitedAnswers.get(name);
  if (!replayed) throw new Error(name);
  expect(differences(replayed.capture.response, replayed.answer)).toEqual([]);
});

test('every case of rate-limit.json is in the scenario', () => {
  expect([...rateCases.keys()].sort()).toEqual(RATE_LIMIT_SCENARIO.map(([name]) => name).sort());
});
