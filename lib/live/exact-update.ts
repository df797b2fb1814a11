import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData } from '@/lib/pipeline/types';
import { moveBetweenGroups } from '@/lib/live/apply-groups';
import { moveCreated } from '@/lib/live/apply-created';
import { moveInTopDeals, refreshListedFields } from '@/lib/live/apply-top-deals';
import { matchesScope, qualifiesAsOpen, timeFrameOf } from '@/lib/live/filter-match';
import { timeOf, touchesOnlyDisplayFields, type RecordState } from '@/lib/live/record-state';
import type { WebhookAction } from '@/lib/live/webhook/payload';
import { fetchedScopeOf } from '@/lib/twenty/deal-scope';
import { topDealsLimitOf } from '@/lib/twenty/top-deals';

// Applies one delivery to the data a snapshot was built from, with no upstream call — but only
// when the result is provably what a fresh fetch would return. That needs the deal's state as
// the data holds it, which is known in two cases only: we applied an earlier delivery of this
// deal to this very data, or the deal was created after the fetch finished. Everything else asks
// for a refresh.

/** The data behind a dashboard's current snapshot, and what is provably known about it. */
export type Basis = {
  data: PipelineData;
  /** The `now` the fetch was made with. */
  fetchedNow: Date;
  /** Our clock (ms) when the fetch started and when it answered. */
  loadStartedAt: number;
  loadFinishedAt: number;
  frame: string;
  /** Deals whose state in `data` we know exactly, because we put it there. */
  applied: Map<string, RecordState>;
};

export type Transition = {
  action: WebhookAction;
  next: RecordState;
  updatedFields: readonly string[] | null;
  /** Same updatedAt as a different known state: the order of the two is unknowable. */
  ambiguous: boolean;
  /** Our clock (ms) when the delivery arrived, for the lag figures. */
  receivedAt?: number;
};

export type RefreshReason =
  | 'ambiguous_order'
  | 'time_frame'
  | 'unknown_prior'
  | 'stage_options'
  | 'filter_undecidable'
  | 'groups'
  | 'top_deals'
  | 'owners'
  | 'created';

export type Outcome =
  /** `learned`: the deal's state in the new data is now known exactly (remember it in `applied`). */
  | { kind: 'applied'; data: PipelineData; learned: boolean }
  /** The fetch started after this change was made: the data already holds it (or newer). */
  | { kind: 'reflected' }
  | { kind: 'refresh'; reason: RefreshReason };

export type ExactOptions = { now: Date; clockSkewMs: number };

const refresh = (reason: RefreshReason): Outcome => ({ kind: 'refresh', reason });

/** The deal's state as the data holds it: a state, null for "not in the data", or a verdict. */
function priorIn(basis: Basis, t: Transition, skew: number): RecordState | null | Outcome {
  const applied = basis.applied.get(t.next.id);
  const changedAt = timeOf(t.next.updatedAt);
  if (applied) return !t.next.destroyed && changedAt < timeOf(applied.updatedAt) ? { kind: 'reflected' } : applied;
  // `destroyed` repeats the last state's updatedAt, which says nothing about when it was destroyed.
  if (!t.next.destroyed && changedAt < basis.loadStartedAt - skew) return { kind: 'reflected' };
  // Created after the fetch answered: the data cannot hold it, whatever order deliveries come in.
  const createdAt = t.next.createdAt === null ? Number.NaN : timeOf(t.next.createdAt);
  if (createdAt > basis.loadFinishedAt + skew) return null;
  if (t.action === 'created' && changedAt > basis.loadFinishedAt + skew) return null;
  return refresh('unknown_prior');
}

export function applyTransition(basis: Basis, t: Transition, dashboard: DashboardConfig, opts: ExactOptions): Outcome {
  if (t.ambiguous) return refresh('ambiguous_order');
  if (timeFrameOf(dashboard, opts.now) !== basis.frame) return refresh('time_frame');
  const { data } = basis;
  const fields = new Set(dashboard.fields);
  const prior = priorIn(basis, t, opts.clockSkewMs);
  if (prior !== null && 'kind' in prior) {
    if (prior.kind !== 'refresh' || t.action !== 'updated' || !touchesOnlyDisplayFields(t.updatedFields)) return prior;
    // A saved view the webhook predicate cannot read may filter by name or company (search text,
    // CONTAINS, company IS): a rename can move the deal into or out of it.
    if (fetchedScopeOf(dashboard, data, opts.now).view === 'undecidable') return prior;
    // Name or company only: no total can move, whatever the earlier state was.
    const topDeals = refreshListedFields(data.topDeals, t.next, fields, t.updatedFields ?? []);
    return topDeals ? { kind: 'applied', data: { ...data, topDeals }, learned: false } : refresh('top_deals');
  }
  if (data.stageOptionsSource !== 'metadata') return refresh('stage_options');
  // Data from before the trend (a peer on older code, an old cache) cannot gain it by deltas.
  if (dashboard.trend && !data.created) return refresh('created');

  const knownStages = new Set(data.stageOptions.map((o) => o.value));
  const scope = fetchedScopeOf(dashboard, data, opts.now);
  const before = prior === null ? false : matchesScope(prior, scope, knownStages);
  const after = matchesScope(t.next, scope, knownStages);
  if (before === 'unknown' || after === 'unknown') return refresh('filter_undecidable');
  // A deal in scope may move an owner's figures (its owner, stage, amount or close date): owners
  // are re-read with the KPIs in one refresh, so the two never disagree (lib/twenty/owner-groups.ts).
  if (data.owners && (before || after) && !touchesOnlyDisplayFields(t.updatedFields)) return refresh('owners');

  const frame = { strategy: data.strategy, dashboard, fetchedNow: basis.fetchedNow };
  const groups = moveBetweenGroups(data.groups, before ? prior : null, after ? t.next : null, frame);
  if (!groups) return refresh('groups');
  const topDeals = moveInTopDeals(
    data.topDeals,
    topDealsLimitOf(dashboard),
    fields,
    { state: prior, qualifies: qualifiesAsOpen(before, prior ?? undefined, dashboard) === true },
    { state: t.next, qualifies: qualifiesAsOpen(after, t.next, dashboard) === true },
  );
  if (!topDeals) return refresh('top_deals');
  const created = data.created ? moveCreated(data.created, { state: prior }, { state: t.next }, dashboard, { now: opts.now, knownStages, fetched: data }) : undefined;
  if (created === null) return refresh('created');
  return { kind: 'applied', data: { ...data, groups, topDeals, ...(created ? { created } : {}) }, learned: true };
}
