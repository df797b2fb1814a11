import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { conversionFor } from '@/lib/pipeline/money/totals';
import { computeKpis } from '@/lib/pipeline/kpis';
import { funnelOf } from '@/lib/pipeline/funnel';
import { buildCreatedTrend } from '@/lib/pipeline/created-trend';
import { buildOwners } from '@/lib/pipeline/owners';
import { processDealKeyer, type DealKeyer } from '@/lib/pipeline/deal-key';
import { buildStageCatalog } from '@/lib/pipeline/stage-catalog';
import { summariseStages } from '@/lib/pipeline/stages';
import { buildTimeline } from '@/lib/pipeline/timeline';
import { selectTopDeals } from '@/lib/pipeline/top-deals';
import type { PipelineData, SnapshotContent } from '@/lib/pipeline/types';
import { boardContent } from '@/lib/pipeline/board';
import { identityOf } from '@/lib/pipeline/identity';

/**
 * Everything a dashboard shows, from Twenty's buckets and top deals. Pure: the same data,
 * dashboard, `now` and deal keyer always give the same content (and so the same version).
 * The app passes its configured keyer (lib/pipeline/deal-key.ts); without one, this process's.
 */
export function buildSnapshotContent(
  data: PipelineData,
  dashboard: DashboardConfig,
  now: Date,
  opts: { demo: boolean; dealKeys?: DealKeyer },
): SnapshotContent {
  const conversion = conversionFor(dashboard.currency, dashboard.rates);
  if (data.board) return boardContent(data.board, dashboard, now, conversion, opts.demo);
  const catalog = buildStageCatalog(data.stageOptions, data.groups, dashboard);
  // The stage filter is applied upstream too; applying it here keeps every figure consistent
  // with the stages on screen even if a strategy could not filter exactly.
  const groups = data.groups.filter((g) => catalog.includes(g.stage));
  const stages = summariseStages(catalog, groups, conversion);
  return {
    ...identityOf(dashboard),
    stages,
    kpis: computeKpis(groups, catalog, conversion, dashboard, now),
    timeline: buildTimeline(groups, catalog, conversion, dashboard, now),
    funnel: funnelOf(stages),
    ...(data.created ? { created: buildCreatedTrend(data.created, conversion) } : {}),
    topDeals: selectTopDeals(data.topDeals, catalog, conversion, dashboard, opts.dealKeys ?? processDealKeyer()),
    // Owners leave the server only when the dashboard's fields allow them.
    ...(data.owners && dashboard.fields.includes('owner') ? { owners: buildOwners(data.owners, catalog, conversion, dashboard, now) } : {}),
    fields: [...dashboard.fields],
    rates: { ...dashboard.rates },
    strategy: data.strategy,
    demo: opts.demo,
  };
}
