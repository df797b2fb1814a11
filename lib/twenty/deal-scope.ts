import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData, ViewScope } from '@/lib/pipeline/types';
import { resolveAbsoluteWindow, resolveRelativeWindow } from '@/lib/pipeline/zoned';

// Which deals a dashboard counts, decided once. `dealScopeOf` reads the dashboard's locked
// filter at one `now` (a relative close-date window moves with it); the fetch path turns that
// description into Twenty's OpportunityFilterInput (filters.ts dashboardFilterParts) and the
// webhook path evaluates it on one record with `inScope` (lib/live/filter-match.ts). Both read
// the same fields, so a new filter option has to be added here, where neither path can miss it.
// tests/unit/twenty/deal-scope.test.ts runs the filter in the demo workspace against `inScope`.

/** Twenty's names of the fields the scope reads (a webhook's updatedFields speak them). */
export const SCOPE_FIELDS = ['deletedAt', 'stage', 'closeDate', 'ownerId', 'amount'] as const;

export type DealScope = {
  /** Stage values the dashboard names; null = every stage. */
  stages: readonly string[] | null;
  /** Half-open [from, to) in absolute time, either end open; null = any close date, none too. */
  closeDate: { from?: Date; to?: Date } | null;
  /** Owner (workspace member) ids; null = any owner. */
  ownerIds: readonly string[] | null;
  /** Minimum amountMicros in the deal's own currency, the config's exact integer string. */
  minAmountMicros: string | null;
  /** The dashboard's saved view (views/view-scope.ts), AND-ed; 'undecidable' = no exact predicate. */
  view?: DealScope | 'undecidable';
};

export function dealScopeOf(dashboard: Pick<DashboardConfig, 'filter' | 'timeZone'>, now: Date): DealScope {
  const { filter, timeZone } = dashboard;
  const window = filter.closeDate;
  return {
    stages: filter.stages ?? null,
    closeDate: window === undefined ? null : 'relative' in window ? resolveRelativeWindow(window.relative, now, timeZone) : resolveAbsoluteWindow(window, timeZone),
    ownerIds: filter.ownerIds ?? null,
    minAmountMicros: filter.minAmountMicros ?? null,
  };
}

/** What the scope reads of a deal. `ownerId` absent = not known (a webhook record has no owner). */
export type ScopedDeal = {
  stage: string;
  closeDate: string | null;
  amountMicros: bigint | null;
  deletedAt: string | null;
  ownerId?: string | null;
};

/** 'unknown' when the deal's fields cannot decide it: the caller must ask Twenty instead. */
export type ScopeMatch = boolean | 'unknown';

/**
 * The scope evaluated as Twenty evaluates the filter upstream: soft-deleted rows are left out
 * (the filter never names deletedAt), `in` on stage and owner, close date gte/lt and amount gte,
 * and a comparison with a null value never matches (SQL). `knownStages`: the stage values the
 * fetch counted by; upstream drops a filter stage it does not know (filters.ts checkStages) and
 * the aggregate strategy totals known stages only, so a deal in any other stage is 'unknown'.
 */
export function inScope(scope: DealScope, deal: ScopedDeal, knownStages: ReadonlySet<string>): ScopeMatch {
  if (deal.deletedAt !== null) return false;
  if (scope.ownerIds !== null && deal.ownerId === undefined) return 'unknown';
  if (scope.stages !== null && !scope.stages.includes(deal.stage)) return false;
  if (!knownStages.has(deal.stage)) return 'unknown';
  if (scope.closeDate !== null) {
    if (deal.closeDate === null) return false;
    const at = Date.parse(deal.closeDate);
    if (Number.isNaN(at)) return 'unknown';
    if (scope.closeDate.from && at < scope.closeDate.from.getTime()) return false;
    if (scope.closeDate.to && at >= scope.closeDate.to.getTime()) return false;
  }
  if (scope.ownerIds !== null && (deal.ownerId === null || deal.ownerId === undefined || !scope.ownerIds.includes(deal.ownerId))) return false;
  if (scope.minAmountMicros !== null && (deal.amountMicros === null || deal.amountMicros < BigInt(scope.minAmountMicros))) return false;
  if (scope.view === 'undecidable') return 'unknown';
  return scope.view ? inScope(scope.view, deal, knownStages) : true;
}

/**
 * The scope a fetch counted by: the file's filter at `now` AND the saved view the fetch applied
 * (`data.view`). A dashboard with a `twentyView` whose data carries no view (a snapshot from a
 * peer that did not send it) cannot be decided.
 */
export function fetchedScopeOf(dashboard: Pick<DashboardConfig, 'filter' | 'timeZone' | 'twentyView'>, data: Pick<PipelineData, 'view'>, now: Date): DealScope {
  const scope = dealScopeOf(dashboard, now);
  if (dashboard.twentyView === undefined) return scope;
  return { ...scope, view: data.view ? dealScopeOfView(data.view) : 'undecidable' };
}

/** A saved view's part of a DealScope (lib/twenty/views/view-scope.ts builds it); 'undecidable' when no exact predicate exists. */
export function dealScopeOfView(view: ViewScope): DealScope | 'undecidable' {
  if (!view.exact) return 'undecidable';
  const at = (iso: string | null) => (iso === null ? undefined : new Date(iso));
  return {
    stages: view.stages,
    closeDate: view.closeDate === null ? null : { from: at(view.closeDate.from), to: at(view.closeDate.to) },
    ownerIds: view.ownerIds,
    minAmountMicros: view.minAmountMicros,
  };
}
