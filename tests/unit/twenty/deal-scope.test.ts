import { describe, expect, test } from 'vitest';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { dealScopeOf, inScope, type ScopedDeal } from '@/lib/twenty/deal-scope';
import { checkStages, dashboardFilterParts, openStagesOf, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { topDealCandidate } from '@/lib/twenty/top-deals';
import { matchRows } from '@/sandbox/query/find-many';
import { opportunitySpec } from '@/sandbox/records/object-specs';
import type { OpportunityRow } from '@/sandbox/records/types';

// One scope, two readings: the filter the fetch sends (run here by the demo workspace's filter
// engine, Twenty 2.21 rules) and `inScope`, which the webhook path evaluates on a record. For
// every dashboard × deal below they must agree, except where `inScope` says it cannot decide.

const KNOWN = ['NEW', 'MEETING', 'PROPOSAL', 'CUSTOMER', 'LOST'];
const KNOWN_SET = new Set(KNOWN);
const NOW = new Date('2027-05-15T12:00:00Z');
const OWNER_A = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const OWNER_B = '0b8d8f0e-8f7e-4c4b-9a53-2f4f1d5b7c11';
const caps: Capabilities = {
  groupBy: true,
  groupByTypeName: null,
  groupByArgs: [],
  groupByTimeZone: true,
  stageFilter: { kind: 'string', typeName: 'SelectFilter' },
  ownerFilter: true,
  amountMicrosFilter: 'BigFloatFilter',
  pageSize: 60,
  connectionFields: [],
  groupFields: [],
};

type Case = ScopedDeal & { id: string };

// Close dates around the edges of the windows below (this quarter in New York starts at 04:00Z).
const CLOSE_DATES = [null, '2027-04-01T03:59:59.999Z', '2027-04-01T04:00:00.000Z', '2027-05-20T00:00:00.000Z', '2027-07-01T03:59:59.999Z', '2027-07-01T04:00:00.000Z', '2028-02-01T00:00:00.000Z'];
const AMOUNTS = [null, 999_999n, 1_000_000n, 50_000_000n];
const STAGES = [...KNOWN, 'ARCHIVED'];
const OWNERS = [null, OWNER_A, OWNER_B];

function deals(): Case[] {
  const out: Case[] = [];
  for (const stage of STAGES)
    for (const closeDate of CLOSE_DATES)
      for (const amountMicros of AMOUNTS)
        for (const ownerId of OWNERS)
          for (const deletedAt of [null, '2027-05-01T00:00:00.000Z']) {
            const id = `00000000-0000-4000-8000-${String(out.length).padStart(12, '0')}`;
            out.push({ id, stage, closeDate, amountMicros, ownerId, deletedAt });
          }
  return out;
}

const actor = { source: 'MANUAL', workspaceMemberId: null, name: '' };

function rowOf(d: Case): OpportunityRow {
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  return {
    id: d.id,
    name: d.id,
    amountMicros: d.amountMicros === null ? null : Number(d.amountMicros),
    currencyCode: 'USD',
    closeDate: at(d.closeDate),
    stage: d.stage,
    position: 0,
    createdBy: actor,
    updatedBy: actor,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: at(d.deletedAt),
    companyId: null,
    pointOfContactId: null,
    ownerId: d.ownerId ?? null,
  };
}

function upstreamIds(rows: readonly OpportunityRow[], filter: unknown): Set<string> {
  return new Set(matchRows(rows, opportunitySpec, filter, { rank: () => 0, strict: true }).map((r) => r.id));
}

const board = (extra: Record<string, unknown>): DashboardConfig =>
  dashboardDefaults({ slug: 'd', title: 'D', timeZone: 'America/New_York', lostStages: ['LOST'], ...extra });

const dashboards: [string, DashboardConfig][] = [
  ['no filter', board({})],
  ['stages (one the workspace does not know)', board({ filter: { stages: ['MEETING', 'PROPOSAL', 'LOST', 'ARCHIVED'] } })],
  ['relative close-date window in the dashboard zone', board({ filter: { closeDate: { relative: 'this-quarter' } } })],
  ['absolute window, to inclusive', board({ filter: { closeDate: { from: '2027-04-01', to: '2027-06-30' } } })],
  ['window open at the end', board({ filter: { closeDate: { from: '2027-05-01' } } })],
  ['minimum amount', board({ filter: { minAmountMicros: '1000000' } })],
  ['owners', board({ filter: { ownerIds: [OWNER_A] } })],
  ['everything at once', board({ filter: { stages: ['NEW', 'PROPOSAL', 'CUSTOMER'], closeDate: { relative: 'next-12-months' }, ownerIds: [OWNER_A, OWNER_B], minAmountMicros: '1000000' } })],
];

describe('inScope decides exactly what the filter sent upstream matches', () => {
  const cases = deals();
  const rows = cases.map(rowOf);

  for (const [label, dashboard] of dashboards) {
    test(label, () => {
      const parts = dashboardFilterParts(dashboard, { caps, knownStages: KNOWN, now: NOW, log: () => {} });
      const stages = dashboard.filter.stages ? checkStages(dashboard.filter.stages, KNOWN, 'filter.stages', () => {}) : KNOWN;
      const inFilter = upstreamIds(rows, toFilterInput(parts));
      // The top-deals query's filter, as lib/twenty/client.ts builds it.
      const inOpenFilter = upstreamIds(rows, toFilterInput([...parts, stageIn(openStagesOf(dashboard, stages))]));
      const scope = dealScopeOf(dashboard, NOW);
      const seen = { true: 0, false: 0, unknown: 0 };
      for (const deal of cases) {
        const match = inScope(scope, deal, KNOWN_SET);
        seen[String(match) as keyof typeof seen] += 1;
        if (match === 'unknown') {
          // Only a stage the fetch could not count by leaves the predicate undecided.
          expect(KNOWN_SET.has(deal.stage), deal.id).toBe(false);
          continue;
        }
        expect(inFilter.has(deal.id), `${deal.id} ${JSON.stringify(deal, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`).toBe(match);
        expect(inOpenFilter.has(deal.id), deal.id).toBe(topDealCandidate(match, deal.stage, dashboard));
      }
      expect(seen.true).toBeGreaterThan(0);
      expect(seen.false).toBeGreaterThan(0);
    });
  }

  test('a webhook record has no owner: an owner filter is undecidable, never guessed', () => {
    const scope = dealScopeOf(board({ filter: { ownerIds: [OWNER_A] } }), NOW);
    const record = { stage: 'NEW', closeDate: null, amountMicros: 5n, deletedAt: null };
    expect(inScope(scope, record, KNOWN_SET)).toBe('unknown');
    expect(inScope(scope, { ...record, ownerId: OWNER_A }, KNOWN_SET)).toBe(true);
    expect(inScope(scope, { ...record, ownerId: null }, KNOWN_SET)).toBe(false);
  });

  test('an unreadable close date is undecidable inside a window, irrelevant without one', () => {
    const record = { stage: 'NEW', closeDate: 'not a date', amountMicros: 5n, deletedAt: null };
    expect(inScope(dealScopeOf(board({ filter: { closeDate: { relative: 'this-year' } } }), NOW), record, KNOWN_SET)).toBe('unknown');
    expect(inScope(dealScopeOf(board({}), NOW), record, KNOWN_SET)).toBe(true);
  });
});
