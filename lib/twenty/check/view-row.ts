import { z } from 'zod';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { row, type Row } from '@/lib/twenty/check/report';
import type { Transport } from '@/lib/twenty/transport';
import { dashboardViewOf, ViewTranslationRefusal, type DashboardView } from '@/lib/twenty/views/dashboard-view';
import { readOpportunityFields, readView, UUID, ViewLookupError } from '@/lib/twenty/views/read-view';

// A dashboard's `twentyView` as the wall will read it: found (name, id), its filters translated or
// refused, and whether live updates apply exactly. A view the wall cannot use is a warning here
// (the dashboard's own row fails with the wall's refusal); a view id the key cannot read is
// probed once with `viewId`, because Twenty keeps applying a DELETED view's filters
// (real-2.21 views-dashboards q1-deleteView-G, q2-…-G): the key sees `getView` → null, yet the
// view still filters, so the dashboard would look right in Twenty's own tools and be refused here.

const COUNT_WITH_VIEW = `query CheckDeletedView($viewId: UUID) {
  withView: opportunitiesGroupBy(groupBy: [{ stage: true }], viewId: $viewId) { totalCount }
  all: opportunities(first: 1) { totalCount }
}`;
const countsSchema = z.object({ withView: z.array(z.object({ totalCount: z.number().int() })), all: z.object({ totalCount: z.number().int() }) });

const REFUSED = 'the wall refuses this dashboard until the view is fixed';

/** Whether Twenty still filters by an id the key cannot read (a deleted view); null if it cannot tell. */
async function stillFilters(transport: Transport, id: string): Promise<{ kept: number; all: number } | null> {
  try {
    const data = await transport.runQuery({ document: COUNT_WITH_VIEW, variables: { viewId: id }, schema: countsSchema });
    const kept = data.withView.reduce((n, g) => n + g.totalCount, 0);
    return kept === data.all.totalCount ? null : { kept, all: data.all.totalCount };
  } catch {
    return null;
  }
}

async function lookupProblem(err: ViewLookupError, transport: Transport, canProbe: boolean): Promise<string> {
  if (err.kind === 'not_found' && UUID.test(err.ref) && canProbe) {
    const deleted = await stillFilters(transport, err.ref);
    if (deleted) {
      return `${err.ref} is a DELETED view: Twenty still applies its filters (${deleted.kept} of ${deleted.all} deals), but they can no longer be read, so ${REFUSED}; name a live view`;
    }
  }
  if (err.kind === 'unsupported') return `this Twenty has no saved views (v0.55; viewId needs 2.x): ${REFUSED}`;
  return `${err.message}: ${REFUSED}`;
}

export type ViewRowDeps = { transport: Transport; now: Date; groupBy: boolean };

/** The row of a dashboard's view; null for a dashboard without one. */
export async function checkDashboardView(dashboard: DashboardConfig, deps: ViewRowDeps): Promise<Row | null> {
  const ref = dashboard.twentyView;
  if (ref === undefined) return null;
  const label = `${dashboard.slug} view`;
  try {
    const fields = await readOpportunityFields(deps.transport);
    const view = await readView(deps.transport, ref, fields.objectMetadataId);
    const found = `"${view.name}" (${view.id}${view.visibility === 'UNLISTED' ? ', UNLISTED' : ''})`;
    let translated: DashboardView;
    try {
      translated = dashboardViewOf(dashboard.slug, view, fields.fields, deps.now);
    } catch (err) {
      if (err instanceof ViewTranslationRefusal) return row('warn', label, `${found} found, but its filters cannot be applied exactly (${err.refusal.message}): ${REFUSED}`);
      throw err;
    }
    const live = translated.scope.exact ? 'live updates exact' : 'each live update refreshes (filters beyond the webhook predicate)';
    return row('ok', label, `${found} found · filters translated · ${live}`);
  } catch (err) {
    if (err instanceof ViewLookupError) return row('warn', label, await lookupProblem(err, deps.transport, deps.groupBy));
    return row('warn', label, `could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}
