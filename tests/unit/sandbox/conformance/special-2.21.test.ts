// The real-2.21 captures that are not one request each (manifest SPECIAL_221): the 101-call
// rate-limit run, replayed at its captured times, and the four amount probes.
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { z } from 'zod';
import type { Sandbox } from '@/sandbox/index';
import { readJson, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';
import { KEYS, startWorkspace } from '@/tests/unit/sandbox/conformance/replay';

const open: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
});

async function post(sandbox: Sandbox, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${sandbox.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEYS.admin}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: z.object({ data: z.unknown(), errors: z.array(z.object({ message: z.string() })).optional() }).parse(await response.json()) };
}

const sequenceSchema = z.array(z.object({ i: z.number(), t_ms: z.number(), http: z.number(), blocked: z.boolean(), msg: z.string().nullable() }));

test('rate-limit/sequence.json: the 101 calls, at their captured times, pass and stop exactly as captured', async () => {
  const sequence = sequenceSchema.parse(readJson(join(REAL_221, 'rate-limit/sequence.json')));
  let now = 0;
  const sandbox = await startWorkspace({ rateLimit: 100, rateLimitWindowMs: 60_000 }, { now: () => now });
  open.push(sandbox);
  const seen = [];
  for (const step of sequence) {
    now = step.t_ms;
    const reply = await post(sandbox, 'query { opportunities(first:1){ totalCount } }');
    const message = reply.body.errors?.[0]?.message ?? null;
    seen.push({ i: step.i, t_ms: step.t_ms, http: reply.status, blocked: message !== null, msg: message });
  }
  expect(seen).toEqual(sequence);
});

const probeSchema = z.object({
  stored: z.object({ amountMicros: z.number().nullable(), currencyCode: z.string().nullable() }),
  aggregates: z.object({ totalCount: z.number(), countEmptyAmount: z.number(), countNotEmptyAmount: z.number(), sumAmountAmountMicros: z.number().nullable() }),
});
const probesSchema = z.object({
  created: z.object({ data: z.object({ createOpportunities: z.array(z.object({ name: z.string(), amount: probeSchema.shape.stored })) }) }),
  groupByCurrencyOverProbes: z.object({ data: z.unknown() }),
});

/** What each probe was created with (its name says it: micros and/or code, "" or null). */
const PROBE_INPUTS: Record<string, unknown> = {
  'Probe A micros+emptycode': { amountMicros: 5_000_000, currencyCode: '' },
  'Probe B micros+nullcode': { amountMicros: 5_000_000, currencyCode: null },
  'Probe C nullmicros+emptycode': { amountMicros: null, currencyCode: '' },
  'Probe D amount null': null,
};

test('count-empty-amount-semantics-probes.json: "" is stored as null, and an amount is empty only when both parts are', async () => {
  const capture = readJson(join(REAL_221, 'count-empty-amount-semantics-probes.json'));
  const { created, groupByCurrencyOverProbes } = probesSchema.parse(capture);
  const sandbox = await startWorkspace();
  open.push(sandbox);
  const data = created.data.createOpportunities.map((p) => ({ name: p.name, stage: 'NEW', amount: PROBE_INPUTS[p.name] }));
  const made = await post(sandbox, 'mutation($d:[OpportunityCreateInput!]!){ createOpportunities(data:$d){ name amount{ amountMicros currencyCode } } }', { d: data });
  expect(made.body.data).toEqual({ createOpportunities: created.data.createOpportunities.map(({ name, amount }) => ({ name, amount })) });
  for (const name of Object.keys(PROBE_INPUTS)) {
    const probe = probeSchema.parse((capture as Record<string, unknown>)[name]);
    const reply = await post(sandbox, `query($n:String){ opportunities(filter:{name:{eq:$n}}){ totalCount countEmptyAmount countNotEmptyAmount sumAmountAmountMicros edges{ node{ amount{ amountMicros currencyCode } } } } }`, { n: name });
    const { edges, ...aggregates } = z.object({ opportunities: z.object({ edges: z.array(z.object({ node: z.object({ amount: probeSchema.shape.stored }) })) }).passthrough() }).parse(reply.body.data).opportunities;
    expect({ name, stored: edges[0]?.node.amount, aggregates }).toEqual({ name, ...probe });
  }
  const grouped = await post(sandbox, `{ opportunitiesGroupBy(groupBy:[{amount:{currencyCode:true}}], filter:{name:{like:"Probe %"}}){ groupByDimensionValues totalCount sumAmountAmountMicros countNotEmptyAmount } }`);
  expect(grouped.body.data).toEqual(groupByCurrencyOverProbes.data);
});
