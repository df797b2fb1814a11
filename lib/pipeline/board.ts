import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Conversion } from '@/lib/pipeline/money/totals';
import { computeKpis } from '@/lib/pipeline/kpis';
import { identityOf } from '@/lib/pipeline/identity';
import { buildStageCatalog } from '@/lib/pipeline/stage-catalog';
import type { BoardData, SnapshotContent } from '@/lib/pipeline/types';

/**
 * A published Twenty dashboard's snapshot: Twenty's widgets as lib/twenty read them. It carries no
 * pipeline: stages, deals and timeline are empty and the KPIs zero, so that nothing of the pipeline
 * leaves the server on a surface that publishes only Twenty's charts.
 */
export function boardContent(board: BoardData, dashboard: DashboardConfig, now: Date, conversion: Conversion, demo: boolean): SnapshotContent {
  const { widgets, fingerprint, objects, ...published } = board;
  return {
    ...identityOf(dashboard),
    stages: [],
    kpis: computeKpis([], buildStageCatalog([], [], dashboard), conversion, dashboard, now),
    timeline: [],
    topDeals: [],
    fields: [],
    rates: {},
    strategy: 'groupBy',
    demo,
    board: { ...published, tabs: published.tabs.map((tab) => ({ ...tab })) },
    widgets: widgets.map((widget) => ({ ...widget })),
  };
}
