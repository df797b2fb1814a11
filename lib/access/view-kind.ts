import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { ViewParams } from '@/lib/access/view-params';

// A dashboard either shows the pipeline (views kpis, stages…) or publishes a Twenty dashboard
// (tabs tab-1, tab-2…). `view=` naming the other kind would silently show nothing useful, so every
// surface refuses it (400) from the dashboard's config alone, before any data is read.

/** Why this `view=` cannot apply to this dashboard, or undefined when it can. */
export function viewKindProblem(params: Pick<ViewParams, 'views' | 'tabs'>, dashboard: Pick<DashboardConfig, 'twentyDashboard'>): string | undefined {
  const publishesBoard = dashboard.twentyDashboard !== undefined;
  if (publishesBoard && params.views) {
    return 'this dashboard publishes a Twenty dashboard: view takes its tabs (tab-1, tab-2…), not pipeline views';
  }
  if (!publishesBoard && params.tabs) {
    return 'view=tab-N is for a published Twenty dashboard: this dashboard takes pipeline views (kpis, stages…)';
  }
  return undefined;
}
