import { describe, expect, test } from 'vitest';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { timeFrameOf } from '@/lib/live/filter-match';
import { applyTransition, type Basis, type Outcome, type Transition } from '@/lib/live/exact-update';
import type { RecordState } from '@/lib/live/record-state';
import type { CreatedWeeks } from '@/lib/pipeline/types';
import { FETCH_END, FETCH_START, M, SKEW, basisOf, board, iso, oracle, record } from './helpers';

// Webhooks against the new-pipeline trend: applied exactly where the prior state is known, and
// then equal to what a fresh fetch of the same records reads; a refresh everywhere else. The
// fresh fetch here is written independently: the scope without close dates, weeks with Intl.

const NOW = new Date(FETCH_START + 60_000); // Monday 2026-06-15, 12:01 UTC
const AFTER = FETCH_END + 5_000;
const DAY = 86_400_000;

function weekOf(at: Date, zone: string): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at));
  const d = new Date(`${local}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - weekday);
  return d.toISOString().slice(0, 10);
}

function freshTrend(records: readonly RecordState[], d: DashboardConfig, now: Date): CreatedWeeks {
  const current = weekOf(now, d.timeZone);
  const weeks = Array.from({ length: 12 }, (_, i) => new Date(Date.parse(`${current}T12:00:00Z`) - (11 - i) * 7 * DAY).toISOString().slice(0, 10));
  const sums = new Map<string, { week: string; currencyCode: string | null; count: number; amountMicros: bigint }>();
  for (const r of records) {
    if (r.destroyed || r.deletedAt !== null || r.createdAt === null) continue;
    if (d.filter.stages && !d.filter.stages.includes(r.stage)) continue;
    const week = weekOf(new Date(r.createdAt), d.timeZone);
    if (!weeks.includes(week)) continue;
    const key = JSON.stringify([week, r.currencyCode]);
    const b = sums.get(key) ?? { week, currencyCode: r.currencyCode, count: 0, amountMicros: 0n };
    b.count += 1;
    b.amountMicros += r.amountMicros ?? 0n;
    sums.set(key, b);
  }
  return { weeks, buckets: [...sums.values()] };
}

/** Buckets compared as a set: the order of buckets means nothing. */
const norm = (c: CreatedWeeks | undefined) => ({ weeks: c?.weeks, buckets: [...(c?.buckets ?? [])].map((b) => JSON.stringify([b.week, b.currencyCode, b.count, String(b.amountMicros)])).sort() });

function basisWith(records: RecordState[], d: DashboardConfig): Basis {
  return basisOf({ ...oracle(records, d), created: freshTrend(records, d, new Date(FETCH_START)) }, d);
}

function apply(basis: Basis, d: DashboardConfig, action: Transition['action'], next: RecordState, now = NOW, updatedFields: string[] | null = null): Outcome {
  return applyTransition(basis, { action, next, updatedFields, ambiguous: false }, d, { now, clockSkewMs: SKEW });
}

function step(basis: Basis, d: DashboardConfig, action: Transition['action'], next: RecordState): Basis {
  const outcome = apply(basis, d, action, next);
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
  const applied = new Map(basis.applied);
  if (outcome.learned) applied.set(next.id, next);
  return { ...basis, data: outcome.data, applied };
}

const old = (id: string, daysAgo: number, partial: Partial<RecordState> = {}) => record(id, { createdAt: iso(FETCH_START - daysAgo * DAY), updatedAt: iso(FETCH_START - daysAgo * DAY), ...partial });
const fresh = (id: string, partial: Partial<RecordState> = {}) => record(id, { createdAt: iso(AFTER), updatedAt: iso(AFTER), ...partial });

describe('the trend under webhooks', () => {
  // The close-date window would leave out every deal closing in July: the trend must not.
  const d = board({ trend: true, timeZone: 'Europe/Berlin', rates: { EUR: '1.08' }, filter: { stages: ['NEW', 'MEETING', 'PROPOSAL'], closeDate: { from: '2026-08-01', to: '2026-12-31' } } });
  const base = [old('a', 3), old('b', 20, { currencyCode: 'EUR' }), old('c', 60, { stage: 'CUSTOMER' }), old('d', 100)];

  test('a deal created now raises this week, whatever its close date, and equals a fresh fetch', () => {
    const basis = basisWith(base, d);
    const x = fresh('x', { amountMicros: 7n * M });
    const after = step(basis, d, 'created', x);
    expect(norm(after.data.created)).toEqual(norm(freshTrend([...base, x], d, NOW)));
    const thisWeek = after.data.created?.buckets.find((b) => b.week === '2026-06-15' && b.currencyCode === 'USD');
    expect(thisWeek).toMatchObject({ count: 1, amountMicros: 7n * M });
    // Its close date (July) is outside the window: the KPIs' groups did not move.
    expect(after.data.groups).toEqual(basis.data.groups);
  });

  test('a known deal moved out of the stages, re-priced, then deleted: each step equals a fresh fetch', () => {
    let basis = basisWith(base, d);
    let x = fresh('x');
    basis = step(basis, d, 'created', x);
    x = { ...x, amountMicros: 99n * M, currencyCode: 'EUR', updatedAt: iso(AFTER + 1_000) };
    basis = step(basis, d, 'updated', x);
    expect(norm(basis.data.created)).toEqual(norm(freshTrend([...base, x], d, NOW)));
    x = { ...x, stage: 'CUSTOMER', updatedAt: iso(AFTER + 2_000) };
    basis = step(basis, d, 'updated', x);
    expect(norm(basis.data.created)).toEqual(norm(freshTrend([...base, x], d, NOW)));
    x = { ...x, stage: 'NEW', updatedAt: iso(AFTER + 3_000) };
    basis = step(basis, d, 'updated', x);
    x = { ...x, deletedAt: iso(AFTER + 4_000), updatedAt: iso(AFTER + 4_000) };
    basis = step(basis, d, 'deleted', x);
    expect(norm(basis.data.created)).toEqual(norm(freshTrend(base, d, NOW)));
  });

  test('a delivery without createdAt cannot be placed in a week: refresh', () => {
    const basis = basisWith(base, d);
    // Known to be new (created after the fetch) only through an applied state, so learn one first.
    const x = fresh('x');
    const known = step(basis, d, 'created', x);
    expect(apply(known, d, 'updated', { ...x, createdAt: null, stage: 'MEETING', updatedAt: iso(AFTER + 1_000) }, NOW, ['stage'])).toEqual({ kind: 'refresh', reason: 'created' });
  });

  test('a deal the fetch counted changes: its earlier state is unknown, so refresh', () => {
    const basis = basisWith(base, d);
    expect(apply(basis, d, 'updated', { ...old('a', 3), stage: 'PROPOSAL', updatedAt: iso(AFTER) }, NOW, ['stage'])).toEqual({ kind: 'refresh', reason: 'unknown_prior' });
  });

  test('the week rolled over (the twelve weeks moved): refresh, even in the same month', () => {
    const basis = basisWith(base, d);
    const nextMonday = new Date('2026-06-22T08:00:00Z');
    expect(apply(basis, d, 'created', fresh('x'), nextMonday)).toEqual({ kind: 'refresh', reason: 'time_frame' });
    // Sunday evening in Berlin is still the same week.
    expect(apply(basis, d, 'created', fresh('x'), new Date('2026-06-21T21:30:00Z')).kind).toBe('applied');
  });

  test('weeks a peer read before the rollover, adopted after it: refresh, not a deal dropped from this week', () => {
    const nextMonday = new Date('2026-06-22T08:00:00Z');
    const adopted = { ...basisWith(base, d), frame: timeFrameOf(d, nextMonday) };
    expect(apply(adopted, d, 'created', fresh('x'), nextMonday)).toEqual({ kind: 'refresh', reason: 'created' });
  });

  test('data without the trend (a peer on older code) for a dashboard with it: refresh', () => {
    const basis = basisOf(oracle(base, d), d);
    expect(basis.data.created).toBeUndefined();
    expect(apply(basis, d, 'created', fresh('x'))).toEqual({ kind: 'refresh', reason: 'created' });
  });

  test('only a dashboard with the trend has the week in its time frame', () => {
    const [sunday, monday] = [new Date('2026-06-21T12:00:00Z'), new Date('2026-06-22T12:00:00Z')];
    expect(timeFrameOf(board(), sunday)).toBe(timeFrameOf(board(), monday));
    expect(timeFrameOf(board({ trend: true }), sunday)).not.toBe(timeFrameOf(board({ trend: true }), monday));
  });

  test('a dashboard without the trend carries none, and webhooks add none', () => {
    const plain = board();
    const basis = basisOf(oracle(base, plain), plain);
    const after = step(basis, plain, 'created', fresh('x'));
    expect(after.data.created).toBeUndefined();
  });
});
