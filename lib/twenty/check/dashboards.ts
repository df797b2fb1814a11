import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData } from '@/lib/pipeline/types';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { explainDashboardFailure } from '@/lib/twenty/check/explain';
import type { RootFieldMeter } from '@/lib/twenty/check/meter';
import { countMatching } from '@/lib/twenty/check/probes';
import { row, type Row } from '@/lib/twenty/check/report';
import { dashboardScope, unknownStagesOf } from '@/lib/twenty/check/scope';
import type { TwentyClient } from '@/lib/twenty/client';
import type { LogLine, Transport } from '@/lib/twenty/transport';
import { checkDashboardView } from '@/lib/twenty/check/view-row';

// Each dashboard once, as the wall would load it. With groupBy (and its month time zone) that is
// the real refresh, about two root fields. Otherwise a refresh is dozens of per-stage aggregates,
// more than the check may spend, so the dashboard's filter runs once as a count instead: Twenty
// accepts it or says why.

export type DashboardRun = {
  dashboard: DashboardConfig;
  row: Row;
  /** The refresh's result when it ran (groupBy servers). */
  data: PipelineData | null;
  /** Deals in the dashboard's scope, when known. */
  deals: number | null;
  /** Its saved view (`twentyView`): found, translated, or why the wall cannot use it. */
  viewRow?: Row | null;
};

export type DashboardDeps = {
  client: TwentyClient;
  transport: Transport;
  caps: Capabilities;
  known: string[] | null;
  meter: RootFieldMeter;
  now: Date;
  /** Everything lib/twenty logged during the run, in order. */
  logs: readonly LogLine[];
};

/** The wall refreshes with groupBy only where Twenty buckets months in the dashboard's zone. */
export function refreshesWithGroupBy(caps: Capabilities): boolean {
  return caps.groupBy && caps.groupByTimeZone;
}

/** Root fields the check spends on a dashboard: groups and top deals in one request, or one count. */
export function dashboardCost(caps: Capabilities): number {
  return refreshesWithGroupBy(caps) ? 2 : 1;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function unknownStageProblems(dashboard: DashboardConfig, known: string[] | null): string[] {
  return unknownStagesOf(dashboard, known).map(
    (u) => `${u.key} ${u.values.join(', ')}: not ${u.values.length > 1 ? 'stages' : 'a stage'} of this workspace (it has ${known?.join(', ') ?? '?'})`,
  );
}

/** A published Twenty dashboard: its layout and each widget's state, as a load reads them. */
function boardDetail(data: PipelineData, spent: string): string {
  const board = data.board;
  if (!board) return spent;
  const states = ['ok', 'not_shared', 'unavailable'].map((state) => [state, board.widgets.filter((w) => w.state === state)] as const).filter(([, list]) => list.length > 0);
  const widgets = states.map(([state, list]) => `${state.replace('_', ' ')}: ${list.map((w) => `"${w.title}"`).join(', ')}`).join('; ');
  return `publishes "${board.name}" · ${plural(board.tabs.length, 'tab')} · ${plural(board.widgets.length, 'widget')} (${widgets || 'none'}) · ${spent}`;
}

async function load(dashboard: DashboardConfig, deps: DashboardDeps): Promise<Omit<DashboardRun, 'dashboard' | 'row'> & { detail: string; warn?: boolean }> {
  const before = deps.meter.figures().counted;
  const spent = () => plural(deps.meter.figures().counted - before, 'root field');
  if (dashboard.twentyDashboard !== undefined) {
    // Twenty computes a board's figures: there is no pipeline to count or cross-check.
    const data = await deps.client.fetchPipelineData(dashboard, deps.now);
    // A widget Twenty could not compute is worth a look (its reason is in the wall's log); not shared is a choice.
    return { data: null, deals: null, detail: boardDetail(data, spent()), warn: (data.board?.widgets ?? []).some((w) => w.state === 'unavailable') };
  }
  if (refreshesWithGroupBy(deps.caps)) {
    const data = await deps.client.fetchPipelineData(dashboard, deps.now);
    const deals = data.groups.reduce((sum, g) => sum + g.count, 0);
    const detail = `${data.strategy} · ${plural(deals, 'deal')} in ${plural(data.groups.length, 'group')} · top ${data.topDeals.length} · ${spent()}`;
    return { data, deals, detail };
  }
  const deals = await countMatching(deps.transport, await dashboardScope(dashboard, deps));
  const detail = `filter accepted · ${plural(deals, 'deal')} · ${spent()} (a refresh here takes dozens of per-stage aggregates; not run)`;
  return { data: null, deals, detail };
}

export async function checkDashboard(dashboard: DashboardConfig, deps: DashboardDeps): Promise<DashboardRun> {
  const problems = unknownStageProblems(dashboard, deps.known);
  const label = dashboard.slug;
  // A board reads its layouts, the objects and one call per widget: at least three.
  const cost = dashboard.twentyDashboard !== undefined ? 3 : dashboardCost(deps.caps);
  if (deps.meter.remaining() < cost) {
    const skipped = `not run: the check's ${deps.meter.figures().cap} root fields are spent`;
    if (problems.length > 0) return { dashboard, row: row('fail', label, `${problems.join('; ')}; query ${skipped}`), data: null, deals: null };
    return { dashboard, row: row('warn', label, skipped), data: null, deals: null };
  }
  const refusals = deps.meter.refusals();
  const logMark = deps.logs.length;
  try {
    const loaded = await load(dashboard, deps);
    const fellBack = deps.logs.slice(logMark).some((l) => l.event === 'twenty.strategy_fallback' && l.level === 'warn');
    const warning = fellBack ? ' · groupBy groups did not add up, so the wall fell back to aggregates (more calls)' : '';
    const status = problems.length > 0 ? 'fail' : fellBack || loaded.warn ? 'warn' : 'ok';
    const detail = problems.length > 0 ? `${problems.join('; ')} (query: ${loaded.detail})` : `${loaded.detail}${warning}`;
    return { dashboard, row: row(status, label, detail), data: loaded.data, deals: loaded.deals };
  } catch (err) {
    if (deps.meter.refusals() > refusals) {
      return { dashboard, row: row(problems.length > 0 ? 'fail' : 'warn', label, [...problems, `not finished: the check's ${deps.meter.figures().cap} root fields are spent`].join('; ')), data: null, deals: null };
    }
    return { dashboard, row: row('fail', label, [...problems, explainDashboardFailure(err, dashboard.slug)].join('; ')), data: null, deals: null };
  }
}

export async function checkDashboards(dashboards: readonly DashboardConfig[], deps: DashboardDeps): Promise<DashboardRun[]> {
  const runs: DashboardRun[] = [];
  // One at a time: the budget is shared and the output is read top to bottom.
  for (const dashboard of dashboards) {
    const viewRow = await checkDashboardView(dashboard, { transport: deps.transport, now: deps.now, groupBy: deps.caps.groupBy });
    runs.push({ ...(await checkDashboard(dashboard, deps)), viewRow });
  }
  return runs;
}
