// Deliveries for a dashboard scoped by a saved view: applied exactly when the view's translated
// filter is one the webhook predicate reads (stage in, amount ≥, close-date bounds), landing where
// a fresh fetch of the equivalent file filter would; otherwise — an OR group, a relative date, or
// data that carries no view — a refresh (`filter_undecidable`), never a guess.
import { describe, expect, test } from 'vitest';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { applyTransition, type Basis, type Outcome } from '@/lib/live/exact-update';
import type { RecordState } from '@/lib/live/record-state';
import type { PipelineData, ViewScope } from '@/lib/pipeline/types';
import { viewScopeOf } from '@/lib/twenty/views/view-scope';
import { FETCH_END, M, SKEW, FETCH_START, basisOf, board, iso, oracle, record } from './helpers';

const NOW = new Date(FETCH_START + 60_000);
const AFTER = FETCH_END + 5_000;
const NO_FILTERS = { filters: [], groups: [], anyFieldFilterValue: null };
const BIG = 100_000n * M;
const VIEW_ID = '0f6f3c55-5b1e-4a55-9b44-1a1a1a1a1a1a';

// "Big deals" as the translation gives it: stage IS [PROPOSAL, CUSTOMER] AND amount ≥ 100,000.
const bigDeals = viewScopeOf(VIEW_ID, { and: [{ stage: { in: ['PROPOSAL', 'CUSTOMER'] } }, { amount: { amountMicros: { gte: Number(BIG) } } }] }, NO_FILTERS);
// "New or huge": an OR group, which the predicate does not read.
const newOrHuge = viewScopeOf(VIEW_ID, { or: [{ stage: { in: ['NEW'] } }, { amount: { amountMicros: { gte: 250_000_000_000 } } }] }, NO_FILTERS);

const viewBoard = board({ twentyView: 'Big deals' });
// The same scope written as a file filter: what a fresh fetch of the view returns.
const equivalent = board({ filter: { stages: ['PROPOSAL', 'CUSTOMER'], minAmountMicros: BIG.toString() } });
const base = [record('a', { stage: 'PROPOSAL', amountMicros: 200_000n * M }), record('b', { stage: 'MEETING', amountMicros: 500_000n * M })];

const withView = (data: PipelineData, view: ViewScope | undefined): PipelineData => (view ? { ...data, view } : data);
const created = (id: string, partial: Partial<RecordState>): RecordState => record(id, { createdAt: iso(AFTER), updatedAt: iso(AFTER), ...partial });
const apply = (basis: Basis, dashboard: DashboardConfig, next: RecordState): Outcome =>
  applyTransition(basis, { action: 'created', next, updatedFields: null, ambiguous: false }, dashboard, { now: NOW, clockSkewMs: SKEW });

describe('a view the predicate reads: exact', () => {
  const basis = basisOf(withView(oracle(base, equivalent), bigDeals), viewBoard);

  test.each([
    ['a big proposal (in the view)', { stage: 'PROPOSAL', amountMicros: 300_000n * M }],
    ['a small proposal (under the view\'s amount)', { stage: 'PROPOSAL', amountMicros: 5_000n * M }],
    ['a big meeting (outside the view\'s stages)', { stage: 'MEETING', amountMicros: 900_000n * M }],
    ['a proposal without an amount', { stage: 'PROPOSAL', amountMicros: null }],
  ])('%s lands where a fresh fetch would', (_, partial) => {
    const next = created('x', partial);
    const outcome = apply(basis, viewBoard, next);
    if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
    const fresh = oracle([...base, next], equivalent);
    expect(outcome.data.groups).toEqual(fresh.groups);
    expect(outcome.data.topDeals.map((d) => d.id)).toEqual(fresh.topDeals.map((d) => d.id));
  });

  test('the view only narrows: the file filter still applies', () => {
    const narrowed = board({ twentyView: 'Big deals', filter: { stages: ['CUSTOMER'] } });
    const b = basisOf(withView(oracle(base, board({ filter: { stages: ['CUSTOMER'], minAmountMicros: BIG.toString() } })), bigDeals), narrowed);
    const outcome = apply(b, narrowed, created('x', { stage: 'PROPOSAL', amountMicros: 300_000n * M }));
    expect(outcome).toMatchObject({ kind: 'applied' });
    if (outcome.kind === 'applied') expect(outcome.data.groups).toEqual(b.data.groups);
  });
});

describe('a view the predicate cannot read: a refresh', () => {
  test('an OR group', () => {
    expect(newOrHuge.exact).toBe(false);
    const basis = basisOf(withView(oracle([], equivalent), newOrHuge), viewBoard);
    expect(apply(basis, viewBoard, created('x', { stage: 'NEW' }))).toEqual({ kind: 'refresh', reason: 'filter_undecidable' });
  });

  test('data without the view it was fetched with (a peer that did not send it)', () => {
    const basis = basisOf(oracle(base, equivalent), viewBoard);
    expect(apply(basis, viewBoard, created('x', { stage: 'PROPOSAL', amountMicros: 300_000n * M }))).toEqual({ kind: 'refresh', reason: 'filter_undecidable' });
  });

  test('a rename of a deal the data holds: exact for a view the predicate reads, a refresh for one it cannot (it may filter by name)', () => {
    const rename = (view: ViewScope) => {
      const basis = basisOf(withView(oracle(base, equivalent), view), viewBoard);
      const next = record('a', { stage: 'PROPOSAL', amountMicros: 200_000n * M, name: 'Acme renewal', updatedAt: iso(AFTER) });
      return applyTransition(basis, { action: 'updated', next, updatedFields: ['name'], ambiguous: false }, viewBoard, { now: NOW, clockSkewMs: SKEW });
    };
    expect(rename(bigDeals)).toMatchObject({ kind: 'applied', learned: false });
    expect(rename(newOrHuge)).toEqual({ kind: 'refresh', reason: 'unknown_prior' });
  });

  test('a deal the file filter already leaves out is decided without the view', () => {
    const narrowed = board({ twentyView: 'New or huge', filter: { stages: ['CUSTOMER'] } });
    const basis = basisOf(withView(oracle([], board({ filter: { stages: ['CUSTOMER'] } })), newOrHuge), narrowed);
    expect(apply(basis, narrowed, created('x', { stage: 'NEW' }))).toMatchObject({ kind: 'applied' });
  });
});
