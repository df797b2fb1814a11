// The demo workspace's activity mode: its GraphQL documents must be valid on the captured real
// Twenty schema, and its moves must look like a CRM user's. (Named webhooks-* because activity is
// what makes the demo workspace send webhooks.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getOperationAST, parse, validate, type IntrospectionQuery, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { expect, test } from 'vitest';
import {
  ACTIVITY_CREATE_DEAL,
  ACTIVITY_DEALS_QUERY,
  ACTIVITY_LOSE_DEAL,
  ACTIVITY_UPDATE_DEAL,
  startActivity,
} from '@/sandbox/activity';

const introspection = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/twenty/real/introspection-core.json'), 'utf8')) as {
  response: { body: { data: IntrospectionQuery } };
};
const schema = buildClientSchema(introspection.response.body.data);
const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'];
const NOW = new Date('2026-05-14T15:30:00.000Z');

test.each([ACTIVITY_DEALS_QUERY, ACTIVITY_UPDATE_DEAL, ACTIVITY_CREATE_DEAL, ACTIVITY_LOSE_DEAL])('document validates on the real v0.55 schema: %s', (document) => {
  expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
});

type Call = { operation: string; variables: Record<string, unknown>; stageBefore?: string };
type FakeDeal = { id: string; stage: string; companyId: string | null; deleted: boolean };

/** A minimal workspace that checks each request the way a GraphQL server would before answering. */
function fakeWorkspace(dealCount: number) {
  const deals: FakeDeal[] = Array.from({ length: dealCount }, (_, i) => ({ id: `deal-${i}`, stage: STAGES[i % 4] ?? 'NEW', companyId: `company-${i % 5}`, deleted: false }));
  const calls: Call[] = [];
  let created = 0;
  async function execute(query: string, variables: Record<string, unknown> = {}) {
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors };
    const operation = getOperationAST(document) as OperationDefinitionNode;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const name = operation.name?.value ?? '';
    const vars = variables as { id?: string; filter?: { stage: { in: string[] } }; data?: { stage?: string; companyId?: string } };
    const target = deals.find((deal) => deal.id === vars.id);
    calls.push({ operation: name, variables, ...(target ? { stageBefore: target.stage } : {}) });
    if (name === 'ActivityDeals') {
      const wanted = vars.filter?.stage.in ?? [];
      const edges = deals.filter((deal) => !deal.deleted && wanted.includes(deal.stage)).slice(0, 60).map((node) => ({ node: { ...node, name: node.id } }));
      return { data: { opportunities: { edges } } };
    }
    if (name === 'ActivityUpdateDeal' && target) target.stage = vars.data?.stage ?? target.stage;
    if (name === 'ActivityLoseDeal' && target) target.deleted = true;
    if (name === 'ActivityCreateDeal') deals.push({ id: `new-${created++}`, stage: vars.data?.stage ?? 'NEW', companyId: vars.data?.companyId ?? null, deleted: false });
    return { data: {} };
  }
  return { deals, calls, execute };
}

async function runActivity(seed: number, moves: number, dealCount = 30) {
  const workspace = fakeWorkspace(dealCount);
  const errors: unknown[] = [];
  const activity = startActivity({ intervalMs: 2, seed, execute: workspace.execute, now: () => NOW, onError: (error) => errors.push(error) });
  const mutations = () => workspace.calls.filter((call) => call.operation !== 'ActivityDeals');
  for (let waited = 0; mutations().length < moves && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  activity.stop();
  return { ...workspace, errors, mutations: mutations().slice(0, moves) };
}

test('activity reads deals, then makes realistic moves that the schema accepts', async () => {
  const { calls, mutations, errors } = await runActivity(7, 80);
  expect(errors).toEqual([]);
  // Every move is preceded by exactly one read of at most 60 deals.
  calls.forEach((call, index) => expect(call.operation).toBe(index % 2 === 0 ? 'ActivityDeals' : call.operation));
  const kinds = mutations.map((call) => call.operation);
  const count = (name: string) => kinds.filter((kind) => kind === name).length;
  expect(count('ActivityUpdateDeal')).toBeGreaterThan(count('ActivityCreateDeal'));
  expect(count('ActivityCreateDeal')).toBeGreaterThan(0);
  expect(count('ActivityLoseDeal')).toBeGreaterThan(0);
  const wins = mutations.filter((call) => (call.variables.data as { closeDate?: string } | undefined)?.closeDate === '2026-05-14T00:00:00.000Z');
  expect(wins.length).toBeGreaterThan(0);
  for (const win of wins) expect(win.variables.data).toMatchObject({ stage: 'CUSTOMER' });
});

test('new deals: NEW, USD, whole amounts mostly 5k–150k, close within 3 months at UTC midnight', async () => {
  const { mutations } = await runActivity(11, 150);
  const creations = mutations.filter((call) => call.operation === 'ActivityCreateDeal').map((call) => call.variables.data as { stage: string; amount: { amountMicros: number; currencyCode: string }; closeDate: string; name: string });
  expect(creations.length).toBeGreaterThan(10);
  for (const deal of creations) {
    expect(deal.stage).toBe('NEW');
    expect(deal.amount.currencyCode).toBe('USD');
    expect(Number.isSafeInteger(deal.amount.amountMicros)).toBe(true);
    expect(deal.amount.amountMicros).toBeGreaterThanOrEqual(5_000_000_000);
    expect(deal.amount.amountMicros).toBeLessThanOrEqual(400_000_000_000);
    expect(deal.closeDate).toMatch(/T00:00:00\.000Z$/);
    const daysAhead = (Date.parse(deal.closeDate) - Date.parse('2026-05-14T00:00:00.000Z')) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(0);
    expect(daysAhead).toBeLessThanOrEqual(92);
    expect(deal.name.length).toBeGreaterThan(3);
  }
  const small = creations.filter((deal) => deal.amount.amountMicros <= 150_000_000_000);
  expect(small.length / creations.length).toBeGreaterThan(0.7);
});

test('advancing moves a deal exactly one stage forward', async () => {
  const { mutations } = await runActivity(3, 60);
  const advances = mutations.filter((call) => call.operation === 'ActivityUpdateDeal' && !(call.variables.data as { closeDate?: string }).closeDate);
  expect(advances.length).toBeGreaterThan(20);
  for (const call of advances) {
    const after = (call.variables.data as { stage: string }).stage;
    expect(STAGES.indexOf(after), `${call.stageBefore} -> ${after}`).toBe(STAGES.indexOf(call.stageBefore ?? '') + 1);
  }
});

test('the same seed replays the same moves; another seed does not', async () => {
  const first = await runActivity(42, 25);
  const again = await runActivity(42, 25);
  const other = await runActivity(43, 25);
  expect(again.mutations).toEqual(first.mutations);
  expect(other.mutations).not.toEqual(first.mutations);
});

test('an empty workspace gets new deals rather than errors', async () => {
  const { mutations, errors } = await runActivity(5, 5, 0);
  expect(errors).toEqual([]);
  expect(mutations.every((call) => call.operation === 'ActivityCreateDeal')).toBe(true);
});
