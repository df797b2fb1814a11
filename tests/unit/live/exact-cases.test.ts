import { describe, expect, test } from 'vitest';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { applyTransition, type Basis, type Outcome, type Transition } from '@/lib/live/exact-update';
import type { RecordState } from '@/lib/live/record-state';
import { snapshotMonthWindow } from '@/lib/pipeline/zoned';
import { foldMonthsOutside } from '@/lib/twenty/group-deals';
import { FETCH_END, FETCH_START, M, SKEW, basisOf, board, iso, oracle, record } from './helpers';

const NOW = new Date(FETCH_START + 60_000);
const AFTER = FETCH_END + 5_000;

function created(id: string, partial: Partial<RecordState> = {}): RecordState {
  return record(id, { createdAt: iso(AFTER), updatedAt: iso(AFTER), ...partial });
}

function apply(basis: Basis, dashboard: DashboardConfig, action: Transition['action'], next: RecordState, updatedFields: string[] | null = null): Outcome {
  return applyTransition(basis, { action, next, updatedFields, ambiguous: false }, dashboard, { now: NOW, clockSkewMs: SKEW });
}

/** Applies and keeps the result (as the engine does); fails the test on anything but 'applied'. */
function step(basis: Basis, dashboard: DashboardConfig, action: Transition['action'], next: RecordState): Basis {
  const outcome = apply(basis, dashboard, action, next);
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
  const applied = new Map(basis.applied);
  if (outcome.learned) applied.set(next.id, next);
  return { ...basis, data: outcome.data, applied };
}

describe('when the earlier state is not known, a refresh is asked for', () => {
  const dashboard = board();
  const base = [record('a', { stage: 'MEETING' })];
  const basis = basisOf(oracle(base, dashboard), dashboard);

  test('a stage change of a deal the fetch counted', () => {
    const moved = { ...record('a'), stage: 'PROPOSAL', updatedAt: iso(AFTER) };
    expect(apply(basis, dashboard, 'updated', moved, ['stage'])).toEqual({ kind: 'refresh', reason: 'unknown_prior' });
  });

  test('a change made during the fetch (it may or may not be in the data)', () => {
    const during = { ...record('a'), stage: 'PROPOSAL', updatedAt: iso(FETCH_START + 50) };
    expect(apply(basis, dashboard, 'updated', during, ['stage'])).toEqual({ kind: 'refresh', reason: 'unknown_prior' });
  });

  test('a delete or destroy of a deal the fetch counted', () => {
    expect(apply(basis, dashboard, 'deleted', { ...record('a'), deletedAt: iso(AFTER), updatedAt: iso(AFTER) })).toMatchObject({ kind: 'refresh' });
    expect(apply(basis, dashboard, 'destroyed', { ...record('a'), destroyed: true })).toMatchObject({ kind: 'refresh' });
  });

  test('two states with the same updatedAt (order unknowable)', () => {
    const outcome = applyTransition(basis, { action: 'updated', next: created('x'), updatedFields: ['stage'], ambiguous: true }, dashboard, { now: NOW, clockSkewMs: SKEW });
    expect(outcome).toEqual({ kind: 'refresh', reason: 'ambiguous_order' });
  });

  test('the month changed since the fetch (windows moved)', () => {
    const later = applyTransition(basis, { action: 'created', next: created('x'), updatedFields: null, ambiguous: false }, dashboard, { now: new Date('2026-07-02T00:00:00Z'), clockSkewMs: SKEW });
    expect(later).toEqual({ kind: 'refresh', reason: 'time_frame' });
  });

  test('an owner filter cannot be evaluated on a webhook record', () => {
    const owned = board({ filter: { ownerIds: ['0b8d8f0e-8f7e-4c4b-9a53-2f4f1d5b7c11'] } });
    expect(apply(basisOf(oracle([], owned), owned), owned, 'created', created('x'))).toEqual({ kind: 'refresh', reason: 'filter_undecidable' });
  });

  test('a stage the metadata does not list', () => {
    expect(apply(basis, dashboard, 'created', created('x', { stage: 'ARCHIVED' }))).toEqual({ kind: 'refresh', reason: 'filter_undecidable' });
  });
});

describe('no upstream call when the data provably holds the change or provably lacks the deal', () => {
  const dashboard = board();
  const base = [record('a', { stage: 'MEETING' })];
  const basis = basisOf(oracle(base, dashboard), dashboard);

  test('a change made before the fetch started is already in the data', () => {
    const old = { ...record('a'), stage: 'PROPOSAL', updatedAt: iso(FETCH_START - 5_000) };
    expect(apply(basis, dashboard, 'updated', old, ['stage'])).toEqual({ kind: 'reflected' });
  });

  test('an update that overtakes its create still applies, by createdAt', () => {
    const outcome = apply(basis, dashboard, 'updated', created('x', { stage: 'PROPOSAL', updatedAt: iso(AFTER + 10) }), ['stage']);
    expect(outcome.kind).toBe('applied');
    if (outcome.kind === 'applied') expect(outcome.data.groups).toEqual(oracle([...base, created('x', { stage: 'PROPOSAL' })], dashboard).groups);
  });

  test('a name edit of a counted deal updates the listed name only', () => {
    const renamed = { ...record('a', { stage: 'MEETING' }), name: 'Renamed', updatedAt: iso(AFTER) };
    const outcome = apply(basis, dashboard, 'updated', renamed, ['name']);
    expect(outcome).toMatchObject({ kind: 'applied', learned: false });
    if (outcome.kind === 'applied') {
      expect(outcome.data.groups).toEqual(basis.data.groups);
      expect(outcome.data.topDeals[0]?.name).toBe('Renamed');
    }
  });
});

describe('moves into and out of the locked filter', () => {
  const dashboard = board({ filter: { stages: ['MEETING', 'PROPOSAL', 'CUSTOMER'], minAmountMicros: String(1_000n * M) } });

  test('outside, in, out again and deleted: each step equals a fresh fetch', () => {
    let basis = basisOf(oracle([], dashboard), dashboard);
    const steps: [Transition['action'], RecordState][] = [
      ['created', created('x', { stage: 'NEW', amountMicros: 5_000n * M })],
      ['updated', created('x', { stage: 'MEETING', amountMicros: 5_000n * M, updatedAt: iso(AFTER + 1) })],
      ['updated', created('x', { stage: 'MEETING', amountMicros: 500n * M, updatedAt: iso(AFTER + 2) })],
      ['updated', created('x', { stage: 'PROPOSAL', amountMicros: 2_000n * M, updatedAt: iso(AFTER + 3) })],
      ['deleted', created('x', { stage: 'PROPOSAL', amountMicros: 2_000n * M, updatedAt: iso(AFTER + 4), deletedAt: iso(AFTER + 4) })],
      ['restored', created('x', { stage: 'PROPOSAL', amountMicros: 2_000n * M, updatedAt: iso(AFTER + 5) })],
    ];
    const counts: number[] = [];
    for (const [action, state] of steps) {
      basis = step(basis, dashboard, action, state);
      expect(basis.data).toEqual(oracle([state], dashboard));
      counts.push(basis.data.groups.reduce((n, g) => n + g.count, 0));
    }
    expect(counts).toEqual([0, 1, 0, 1, 0, 1]);
  });
});

describe('top deals: a full list only changes where the result is certain', () => {
  const dashboard = board({ topDeals: 3 });
  const amounts = [100n, 90n, 80n, 70n, 60n];
  const base = amounts.map((a, i) => record(`b${i}`, { stage: 'MEETING', amountMicros: a * M }));
  const basis = basisOf(oracle(base, dashboard), dashboard);

  test('a new deal above the last listed one takes its place', () => {
    const x = created('x', { stage: 'MEETING', amountMicros: 95n * M });
    const next = step(basis, dashboard, 'created', x);
    expect(next.data.topDeals.map((d) => d.id)).toEqual(['b0', 'x', 'b1']);
    expect(next.data).toEqual(oracle([...base, x], dashboard));
  });

  test('a new deal below the last listed one changes nothing', () => {
    const next = step(basis, dashboard, 'created', created('x', { stage: 'MEETING', amountMicros: 65n * M }));
    expect(next.data.topDeals).toEqual(basis.data.topDeals);
  });

  test('a listed deal falling below the last one needs a refresh (an unlisted deal may rise)', () => {
    const x = created('x', { stage: 'MEETING', amountMicros: 95n * M });
    const withX = step(basis, dashboard, 'created', x);
    expect(apply(withX, dashboard, 'updated', { ...x, amountMicros: 10n * M, updatedAt: iso(AFTER + 1) }, ['amount'])).toEqual({ kind: 'refresh', reason: 'top_deals' });
    expect(apply(withX, dashboard, 'updated', { ...x, stage: 'CUSTOMER', updatedAt: iso(AFTER + 1) }, ['stage'])).toEqual({ kind: 'refresh', reason: 'top_deals' });
  });

  test('a listed deal that rises or moves between open stages stays exact', () => {
    const x = created('x', { stage: 'MEETING', amountMicros: 95n * M });
    const withX = step(basis, dashboard, 'created', x);
    const risen = { ...x, amountMicros: 500n * M, updatedAt: iso(AFTER + 1) };
    expect(step(withX, dashboard, 'updated', risen).data).toEqual(oracle([...base, risen], dashboard));
    const moved = { ...x, stage: 'PROPOSAL', updatedAt: iso(AFTER + 1) };
    expect(step(withX, dashboard, 'updated', moved).data).toEqual(oracle([...base, moved], dashboard));
  });

  test('a company name cannot come from a webhook: a deal with a company entering the list refreshes', () => {
    const withCompany = board({ topDeals: 3, fields: ['name', 'amount', 'company'] });
    const b = basisOf(oracle(base, withCompany), withCompany);
    const x = created('x', { stage: 'MEETING', amountMicros: 95n * M, companyId: '6f1b0c0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' });
    expect(apply(b, withCompany, 'created', x)).toEqual({ kind: 'refresh', reason: 'top_deals' });
    expect(apply(b, withCompany, 'created', { ...x, companyId: null }).kind).toBe('applied');
  });
});

describe('the aggregate strategy folds months outside the snapshot window', () => {
  test('a deal closing in three years lands in the closeMonth null remainder', () => {
    const dashboard = board();
    const basis = basisOf({ ...oracle([record('a', { closeDate: null })], dashboard), strategy: 'aggregate' }, dashboard);
    const far = created('x', { closeDate: '2029-03-01T00:00:00.000Z' });
    const outcome = apply(basis, dashboard, 'created', far);
    expect(outcome.kind).toBe('applied');
    if (outcome.kind === 'applied') expect(outcome.data.groups).toEqual([{ stage: 'NEW', currencyCode: 'USD', closeMonth: null, count: 2, amountMicros: 20_000n * M, amountCount: 2 }]);
  });

  test('in every currency, as the fetch folds its paged rest (not only the display and rated ones)', () => {
    const dashboard = board({ currency: 'USD', rates: { EUR: '1.1' } });
    const base = [record('a', { closeDate: null })];
    const basis = basisOf({ ...oracle(base, dashboard), strategy: 'aggregate' }, dashboard);
    const far = created('x', { currencyCode: 'GBP', closeDate: '2029-03-01T00:00:00.000Z' });
    const outcome = apply(basis, dashboard, 'created', far);
    const window = snapshotMonthWindow(new Date(FETCH_START), dashboard.timeZone, dashboard.period);
    expect(outcome.kind).toBe('applied');
    if (outcome.kind === 'applied') expect(outcome.data.groups).toEqual(foldMonthsOutside(oracle([...base, far], dashboard).groups, window.first, window.last));
  });
});

describe('a dashboard with owners', () => {
  const dashboard = board({ fields: ['amount', 'owner'] });
  const owners = { names: {}, groups: [] };
  const basis = { ...basisOf(oracle([], dashboard), dashboard), data: { ...oracle([], dashboard), owners } };

  test('a deal arriving in scope asks for a refresh: owners and KPIs are re-read together', () => {
    expect(apply(basis, dashboard, 'created', created('x', { stage: 'MEETING' }))).toEqual({ kind: 'refresh', reason: 'owners' });
  });

  test('a deal that stays out of scope moves nothing', () => {
    const narrow = board({ fields: ['amount', 'owner'], filter: { stages: ['PROPOSAL'] } });
    const narrowBasis = { ...basisOf(oracle([], narrow), narrow), data: { ...oracle([], narrow), owners } };
    expect(apply(narrowBasis, narrow, 'created', created('x', { stage: 'MEETING' }))).toMatchObject({ kind: 'applied' });
  });

  test('the same change without owners in the data is applied exactly', () => {
    expect(apply(basisOf(oracle([], dashboard), dashboard), dashboard, 'created', created('x', { stage: 'MEETING' }))).toMatchObject({ kind: 'applied' });
  });
});
