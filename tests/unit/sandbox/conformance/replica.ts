// The captured 2.21 workspace, rebuilt from what the captures show, so that answers which depend
// only on that can be compared value for value:
// - the 300 opportunity ids (misc/first-500.json) and, at 460, the 160 "History Deal"s;
// - the 150 "Fixture Deal"s and 160 "History Deal"s exactly as created (the batch-create captures);
// - the dev seed's 150 deals, of which only the ids are known: owner Tim, all USD, per stage the
//   count and sum that views-dashboards/q4-stage-and-owner-firstName shows for Tim, two per
//   placeholder company; names and close dates are placeholders;
// - at 460, Fixture Deal 000–019 owned by Phil and 020–039 by Jony (q4-setup-assign-owner-*);
// - the ten workspace members of views-dashboards/q5-workspaceMembers (ids and names);
// - Fixture Deal 136's amount raised by 1,234,567 micros, as latency step 2 left it (webhooks/013).
// The other latency steps (stage moves of a few deals) cannot be rebuilt: captures taken after
// them are compared by shape, or by group order where that depends on the values alone.
import { join } from 'node:path';
import { z } from 'zod';
import type { Sandbox } from '@/sandbox/index';
import type { Actor, CompanyRow, OpportunityRow, WorkspaceMemberRow } from '@/sandbox/records/types';
import { readJson, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';

/** initial: the 300 records before the latency steps (groupby/, 16:12); 300: after step 2 (misc/, 16:17); 460: the second run. */
export type ReplicaState = 'initial' | 300 | 460;

const TIM = '20202020-0687-4c41-b707-ed1bfca972a7';
const PHIL = '20202020-1553-45c6-a028-5a9064cce07f';
const JONY = '20202020-77d5-4cb6-b60a-f4a835a85d61';
/** Every record of the captures was created on the capture day. */
const CREATED = Date.parse('2026-11-30T12:00:00.000Z');
const PLACEHOLDER_CLOSE = Date.parse('2027-03-15T12:00:00.000Z');
/** Tim's deals per stage in the capture: [count, sum of amountMicros]. */
const DEV_SEED_STAGES: [string, number, number][] = [
  ['CUSTOMER', 21, 7_725_000_000_000],
  ['MEETING', 36, 37_800_000_000_000],
  ['NEW', 30, 16_410_000_000_000],
  ['PROPOSAL', 39, 31_125_000_000_000],
  ['SCREENING', 24, 13_110_000_000_000],
];

const inputSchema = z.object({
  name: z.string(),
  stage: z.string(),
  amount: z.object({ amountMicros: z.number().nullable(), currencyCode: z.string().nullable() }).optional(),
  closeDate: z.string().optional(),
});
const batchSchema = z.object({
  request: z.object({ body: z.object({ variables: z.object({ d: z.array(inputSchema) }) }) }),
  response: z.object({ body: z.object({ data: z.object({ createOpportunities: z.array(z.object({ id: z.string() })) }) }) }),
});
const idsSchema = z.object({ response: z.object({ body: z.object({ data: z.object({ opportunities: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string() }) })) }) }) }) }) });
const membersSchema = z.object({
  response: z.object({ body: z.object({ data: z.object({ workspaceMembers: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string(), name: z.object({ firstName: z.string(), lastName: z.string() }) }) })) }) }) }) }),
});

const API: Actor = { source: 'API', workspaceMemberId: null, name: 'Fixture key' };

function row(id: string, position: number, fields: Partial<OpportunityRow>): OpportunityRow {
  return {
    id, name: '', amountMicros: null, currencyCode: null, closeDate: null, stage: 'NEW', position, createdBy: API, updatedBy: API,
    createdAt: CREATED, updatedAt: CREATED, deletedAt: null, companyId: null, pointOfContactId: null, ownerId: null, ...fields,
  };
}

function created(file: string): OpportunityRow[] {
  const batch = batchSchema.parse(readJson(join(REAL_221, file)));
  const ids = batch.response.body.data.createOpportunities;
  return batch.request.body.variables.d.map((input, i) =>
    row(ids[i]?.id ?? '', i, {
      name: input.name, stage: input.stage,
      amountMicros: input.amount?.amountMicros ?? null, currencyCode: input.amount?.currencyCode ?? null,
      closeDate: input.closeDate === undefined ? null : Date.parse(input.closeDate),
    }),
  );
}

function devSeed(ids: string[], companies: CompanyRow[]): OpportunityRow[] {
  const rows: OpportunityRow[] = [];
  let next = 0;
  for (const [stage, count, sum] of DEV_SEED_STAGES) {
    const each = Math.floor(sum / count);
    for (let i = 0; i < count; i++, next++) {
      const amount = i === count - 1 ? sum - each * (count - 1) : each;
      rows.push(row(ids[next] ?? '', 1_000 + next, {
        name: `Dev seed deal ${next}`, stage, amountMicros: amount, currencyCode: 'USD', closeDate: PLACEHOLDER_CLOSE,
        ownerId: TIM, companyId: companies[Math.floor(next / 2)]?.id ?? null,
      }));
    }
  }
  return rows;
}

/** 75 placeholder companies, two dev-seed deals each (the capture's company group-bys show pairs). */
function companies(): CompanyRow[] {
  return Array.from({ length: 75 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Company ${String(i).padStart(2, '0')}`, domainUrl: null,
    employees: null, position: i, createdBy: API, createdAt: CREATED, updatedAt: CREATED, deletedAt: null,
  }));
}

function members(): WorkspaceMemberRow[] {
  const capture = membersSchema.parse(readJson(join(REAL_221, 'views-dashboards/q5-workspaceMembers-readonly-key.json')));
  const system: Actor = { source: 'SYSTEM', workspaceMemberId: null, name: 'System' };
  return capture.response.body.data.workspaceMembers.edges.map(({ node }, i) => ({
    id: node.id, firstName: node.name.firstName, lastName: node.name.lastName, userEmail: `${node.name.firstName.toLowerCase()}@apple.dev`,
    userId: node.id, position: i, createdBy: system, updatedBy: system, createdAt: CREATED, updatedAt: CREATED, deletedAt: null,
  }));
}

/** Replaces the sandbox's records with the replica of the captured workspace at `state` records. */
export function loadReplica(sandbox: Sandbox, state: ReplicaState): void {
  const { store } = sandbox;
  for (const r of [...store.opportunities.all()]) store.opportunities.remove(r.id);
  for (const m of [...store.workspaceMembers.all()]) store.workspaceMembers.remove(m.id);
  for (const m of members()) store.workspaceMembers.insert(m);
  const placeholders = companies();
  for (const c of placeholders) if (!store.companies.get(c.id)) store.companies.insert(c);
  const all300 = idsSchema.parse(readJson(join(REAL_221, 'misc/first-500.json'))).response.body.data.opportunities.edges.map((e) => e.node.id);
  const fixtures = [...created('seed-create-opportunities-batch1.json'), ...created('seed-create-opportunities-batch2.json')];
  const fixtureIds = new Set(fixtures.map((f) => f.id));
  const rows = [...fixtures, ...devSeed(all300.filter((id) => !fixtureIds.has(id)), placeholders)];
  const stepTwo = fixtures.find((r) => r.name === 'Fixture Deal 136');
  if (state !== 'initial' && stepTwo?.amountMicros != null) stepTwo.amountMicros += 1_234_567;
  if (state === 460) {
    rows.push(...created('many-groups-create-batch1.json'), ...created('many-groups-create-batch2.json'));
    for (const r of fixtures) {
      const n = Number(r.name.replace('Fixture Deal ', ''));
      if (n < 20) r.ownerId = PHIL;
      else if (n < 40) r.ownerId = JONY;
    }
  }
  for (const r of rows) store.opportunities.insert(r);
}
