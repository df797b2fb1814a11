// A deterministic demo pipeline: the same seed and anchor day always give the same workspace,
// with the awkward cases a real one has (no amount, no close date, "" currency, EUR/GBP deals,
// soft-deleted deals, deals without a company, unpriced deals that still name a currency, deals
// without an owner).
import { between, pick, randomUuid, seededRandom, type Random } from '@/sandbox/records/random';
import { plantCanaries } from '@/sandbox/records/canaries';
import { memberActor, seedMembers } from '@/sandbox/records/members';
import { companyName, DEAL_KINDS, domainOf, FIRST_NAMES, JOB_TITLES, LAST_NAMES, MEMBERS, PRODUCTS } from '@/sandbox/records/seed-names';
import type { Actor, CompanyRow, OpportunityRow, PersonRow, WorkspaceMemberRow } from '@/sandbox/records/types';

export type SeedOptions = { opportunities: number; seed: number; anchor: Date; canaries?: boolean };
export type SeedData = { opportunities: OpportunityRow[]; companies: CompanyRow[]; people: PersonRow[]; workspaceMembers: WorkspaceMemberRow[] };

const DAY_MS = 86_400_000;
const STAGE_WEIGHTS: [string, number][] = [['NEW', 0.24], ['SCREENING', 0.22], ['MEETING', 0.2], ['PROPOSAL', 0.18], ['CUSTOMER', 0.16]];

const MEMBER_ACTORS: Actor[] = MEMBERS.map(memberActor);
/** Share of deals each member owns, in MEMBERS order; the rest (about 60 %) have no owner, as in the capture. */
const OWNER_WEIGHTS = [0.18, 0.1, 0.08, 0.04];
const IMPORT_ACTOR: Actor = { source: 'IMPORT', workspaceMemberId: null, name: 'CSV import' };
const API_ACTOR: Actor = { source: 'API', workspaceMemberId: null, name: 'Zapier' };

function weighted(random: Random): string {
  let roll = random();
  for (const [stage, weight] of STAGE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return stage;
  }
  return 'NEW';
}

function logUniform(random: Random, low: number, high: number): number {
  return low * Math.pow(high / low, random());
}

function seedCompanies(count: number, random: Random, ids: Random, anchorMs: number): CompanyRow[] {
  return Array.from({ length: count }, (_, i) => {
    const name = companyName(i);
    const createdAt = anchorMs - between(random, 200, 900) * DAY_MS + between(random, 0, DAY_MS - 1);
    return {
      id: randomUuid(ids), name, domainUrl: domainOf(name), employees: Math.round(logUniform(random, 10, 20_000)),
      position: i, createdBy: pick(random, MEMBER_ACTORS), createdAt, updatedAt: createdAt, deletedAt: null,
    };
  });
}

function seedOpportunity(i: number, random: Random, id: string, anchorMs: number, companies: CompanyRow[]): OpportunityRow {
  const stage = weighted(random);
  const company = i % 30 === 17 ? undefined : pick(random, companies);
  const units = Math.round(logUniform(random, 3_000, random() < 0.1 ? 900_000 : 250_000) / 500) * 500;
  const roll = random();
  const currency = roll < 0.08 ? 'EUR' : roll < 0.13 ? 'GBP' : 'USD';
  const closeOffset = stage === 'CUSTOMER' ? -between(random, 0, 182) : between(random, -30, 182);
  const closeDate = i % 40 === 21 ? null : anchorMs + closeOffset * DAY_MS;
  const latestCreate = Math.min(anchorMs, closeDate ?? anchorMs) - DAY_MS;
  const createdAt = latestCreate - between(random, 14, 120) * DAY_MS + between(random, 0, DAY_MS - 1);
  const updatedAt = createdAt + Math.floor(random() * (anchorMs - createdAt));
  const actorRoll = random();
  const createdBy = actorRoll < 0.7 ? pick(random, MEMBER_ACTORS) : actorRoll < 0.9 ? IMPORT_ACTOR : API_ACTOR;
  const deal = `${pick(random, PRODUCTS)} ${pick(random, DEAL_KINDS)}`;
  const noAmount = i % 50 === 7;
  // Every other unpriced deal keeps a currency: what clearing an amount in Twenty leaves behind.
  const keepsCurrency = noAmount && Math.floor(i / 50) % 2 === 1;
  return {
    id,
    name: company ? `${company.name} – ${deal}` : deal.charAt(0).toUpperCase() + deal.slice(1),
    amountMicros: noAmount ? null : units * 1_000_000,
    currencyCode: keepsCurrency ? 'USD' : noAmount || i % 75 === 13 ? '' : currency,
    closeDate,
    stage,
    position: i,
    createdBy,
    updatedBy: createdBy,
    createdAt,
    updatedAt,
    deletedAt: i % 70 === 33 ? updatedAt : null,
    companyId: company?.id ?? null,
    pointOfContactId: null,
    ownerId: null,
  };
}

/** Owners come from a stream of their own, so the deals themselves stay what they were before owners existed. */
function assignOwners(opportunities: OpportunityRow[], members: WorkspaceMemberRow[], seed: number): void {
  const random = seededRandom(seed ^ 0x0a11e5);
  for (const deal of opportunities) {
    let roll = random();
    for (const [i, weight] of OWNER_WEIGHTS.entries()) {
      roll -= weight;
      if (roll < 0) {
        deal.ownerId = members[i]?.id ?? null;
        break;
      }
    }
  }
}

/** One contact per company, from a stream of their own so the deals stay what they were. */
function seedPeople(companies: CompanyRow[], seed: number): PersonRow[] {
  const random = seededRandom(seed ^ 0x9e0b1e);
  return companies.map((company, i) => {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const domain = (company.domainUrl ?? 'https://example.test').replace(/^https:\/\//, '');
    return {
      id: randomUuid(random), firstName, lastName, email: `${firstName}.${lastName}@${domain}`.toLowerCase(),
      phone: `555${String(between(random, 1_000_000, 9_999_999))}`, jobTitle: pick(random, JOB_TITLES), city: '',
      companyId: company.id, position: i, createdBy: company.createdBy, createdAt: company.createdAt, updatedAt: company.updatedAt, deletedAt: null,
    };
  });
}

export function seedWorkspace(opts: SeedOptions): SeedData {
  const random = seededRandom(opts.seed);
  const ids = seededRandom(opts.seed ^ 0x5eed1d5);
  const anchorMs = Date.UTC(opts.anchor.getUTCFullYear(), opts.anchor.getUTCMonth(), opts.anchor.getUTCDate());
  const companyCount = Math.min(5_000, Math.max(12, Math.round(opts.opportunities / 4)));
  const companies = seedCompanies(companyCount, random, ids, anchorMs);
  // Rows are made in id order so that, once in the id-sorted store, scans walk memory in order.
  const opportunityIds = Array.from({ length: opts.opportunities }, () => randomUuid(ids)).sort();
  const opportunities = opportunityIds.map((id, i) => seedOpportunity(i, random, id, anchorMs, companies));
  const people = seedPeople(companies, opts.seed);
  const contactOf = new Map(people.map((p) => [p.companyId, p.id]));
  for (const deal of opportunities) deal.pointOfContactId = deal.companyId ? (contactOf.get(deal.companyId) ?? null) : null;
  const workspaceMembers = seedMembers(anchorMs);
  assignOwners(opportunities, workspaceMembers, opts.seed);
  const data = { opportunities, companies, people, workspaceMembers };
  if (opts.canaries) plantCanaries(data);
  return data;
}
