import { createHash } from 'node:crypto';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { ViewScope } from '@/lib/pipeline/types';
import { TwentyError } from '@/lib/twenty/errors';
import type { FilterPart } from '@/lib/twenty/filter-rules';
import type { Transport } from '@/lib/twenty/transport';
import { readOpportunityFields, readView, ViewLookupError, type OpportunityFields, type SavedView } from '@/lib/twenty/views/read-view';
import type { Refusal } from '@/lib/twenty/views/refusal';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { viewScopeOf } from '@/lib/twenty/views/view-scope';

// A dashboard's `twentyView`: the saved view read when the dashboard loads and kept for the
// stage-options interval (the metadata watch reads it again each interval while the dashboard is
// in use, `reread`, and refreshes it when it changed), translated at every load (a relative date moves with the clock). The scope is the
// view's filters AND the file's `filter`:
// - group-by sends `viewId` (Twenty applies the view itself) with the file's filter;
// - every other request (top deals, the aggregate and paging strategies, the webhook predicate)
//   uses the translation. A view whose filters cannot be translated exactly is REFUSED, not
//   served half in scope: the top deals and the forced strategies would have no exact filter.
// A view that is ambiguous, not found (or deleted: Twenty keeps applying its filters to `viewId`,
// but the key can no longer read them), of another object, or a Twenty without views (v0.55)
// makes the dashboard refused: a `rejected` TwentyError naming the dashboard and the reason.

export type DashboardView = {
  view: SavedView;
  /** The view's filters as one part to AND with the file's; null when the view filters nothing. */
  part: FilterPart | null;
  /** What the webhook path evaluates (view-scope.ts). */
  scope: ViewScope;
};

/**
 * The dashboard's scope as filter parts: the file's filter AND the view's translation, as every
 * request but group-by's sends it (group-by sends `viewId` with the file's parts alone).
 */
export function withViewPart(fileParts: readonly FilterPart[], view: Pick<DashboardView, 'part'> | null): FilterPart[] {
  return view?.part ? [...fileParts, view.part] : [...fileParts];
}

/** The refusal of dashboard `slug` for a lookup that failed; other errors pass through unchanged. */
export function viewLookupRefusal(slug: string, err: unknown): unknown {
  return err instanceof ViewLookupError ? new TwentyError('rejected', `dashboard ${slug}: ${err.message}`) : err;
}

/** The dashboard's refusal for a view whose filters cannot be translated; the check reads `refusal`. */
export class ViewTranslationRefusal extends TwentyError {
  constructor(
    slug: string,
    view: Pick<SavedView, 'id' | 'name'>,
    readonly refusal: Refusal,
  ) {
    super('rejected', `dashboard ${slug}: saved view "${view.name}" (${view.id}): its filters cannot be applied exactly (${refusal.reason}: ${refusal.message})`);
  }
}

export function translationRefusal(slug: string, view: Pick<SavedView, 'id' | 'name'>, refusal: Refusal): TwentyError {
  return new ViewTranslationRefusal(slug, view, refusal);
}

const sortedById = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The saved view as read: its id, filters, groups and search text (their order does not change
 * what they select). Not the translation, which moves with the clock for relative dates: the
 * metadata watch compares this with the basis's to ask for a refresh only when the view changed.
 */
export function viewFingerprint(view: Pick<SavedView, 'id' | 'filterSet'>): string {
  const { filters, groups, anyFieldFilterValue } = view.filterSet;
  const canonical = JSON.stringify([view.id, sortedById(filters), sortedById(groups), anyFieldFilterValue]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

/** The view's translation at `now`, or the dashboard's refusal. */
export function dashboardViewOf(slug: string, view: SavedView, fields: OpportunityFields['fields'], now: Date): DashboardView {
  // Twenty's server reads a zoneless date in its own zone: UTC, as the captured server ran.
  const translation = translateFilterSet(view.filterSet, { fields, now, zone: 'UTC' });
  if (!translation.ok) throw translationRefusal(slug, view, translation.refusal);
  return { view, part: translation.filter, scope: { ...viewScopeOf(view.id, translation.filter, view.filterSet), fingerprint: viewFingerprint(view) } };
}

export type DashboardViews = {
  /** The dashboard's view at `now`; null without `twentyView`. */
  resolve(dashboard: Pick<DashboardConfig, 'slug' | 'twentyView'>, now: Date): Promise<DashboardView | null>;
  /**
   * The view `ref` read again now (one call; the opportunity's object id as last read), kept for
   * the next load. A failed look-up is the dashboard's refusal, as `resolve` throws it.
   */
  reread(dashboard: Pick<DashboardConfig, 'slug'>, ref: string): Promise<SavedView>;
  /** Drops the dashboard's kept view (edited in Twenty, as a refresh found): the next `resolve` reads it. */
  forget(dashboard: Pick<DashboardConfig, 'twentyView'>): void;
};

type Kept<T> = { at: number; value: T };

export function createDashboardViews(opts: { transport: Transport; ttlMs: number; clock?: () => number }): DashboardViews {
  const clock = opts.clock ?? Date.now;
  let fields: Kept<OpportunityFields> | null = null;
  const views = new Map<string, Kept<SavedView>>();
  const fresh = <T>(kept: Kept<T> | null | undefined): kept is Kept<T> => kept !== null && kept !== undefined && clock() - kept.at < opts.ttlMs;

  async function opportunityFields(): Promise<OpportunityFields> {
    if (fresh(fields)) return fields.value;
    const value = await readOpportunityFields(opts.transport);
    fields = { at: clock(), value };
    return value;
  }

  async function viewNamed(ref: string, objectId: string, force = false): Promise<SavedView> {
    const kept = views.get(ref);
    if (!force && fresh(kept)) return kept.value;
    try {
      const value = await readView(opts.transport, ref, objectId);
      views.set(ref, { at: clock(), value });
      return value;
    } catch (err) {
      // A failed look-up is not kept: the next load (the refused retry) reads again.
      views.delete(ref);
      throw err;
    }
  }

  return {
    async resolve(dashboard, now) {
      const ref = dashboard.twentyView;
      if (ref === undefined) return null;
      try {
        const { objectMetadataId, fields: byId } = await opportunityFields();
        return dashboardViewOf(dashboard.slug, await viewNamed(ref, objectMetadataId), byId, now);
      } catch (err) {
        // A failed look-up or a refused translation is not kept: the refused retry reads again.
        views.delete(ref);
        throw viewLookupRefusal(dashboard.slug, err);
      }
    },
    async reread(dashboard, ref) {
      try {
        // The object's id does not change with a view: any fields map read before will do.
        const objectMetadataId = fields?.value.objectMetadataId ?? (await opportunityFields()).objectMetadataId;
        return await viewNamed(ref, objectMetadataId, true);
      } catch (err) {
        throw viewLookupRefusal(dashboard.slug, err);
      }
    },
    forget(dashboard) {
      if (dashboard.twentyView !== undefined) views.delete(dashboard.twentyView);
    },
  };
}
