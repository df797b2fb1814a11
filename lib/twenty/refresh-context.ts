import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { CallBudget } from '@/lib/twenty/budget';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { checkStages, dashboardFilterParts, knownStageValues, openStagesOf, stageIn, toFilterInput, type FilterContext } from '@/lib/twenty/filters';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';
import type { StrategyContext } from '@/lib/twenty/strategy-context';
import { topDealsLimitOf } from '@/lib/twenty/top-deals';
import type { Log, Transport } from '@/lib/twenty/transport';
import { withViewPart, type DashboardView } from '@/lib/twenty/views/dashboard-view';

// One refresh's StrategyContext: the dashboard's scope at `now` with its saved view (as it was
// resolved), the stages the server vouches for and the open ones. Built again when the view is
// read again within a refresh (client.ts).

export type RefreshInputs = {
  transport: Transport;
  caps: Capabilities;
  budget: CallBudget;
  log: Log;
  stageOptions: StageOptionsResult;
};

export type RefreshContext = { ctx: StrategyContext; filterCtx: FilterContext; view: DashboardView | null };

export function refreshContext(dashboard: DashboardConfig, now: Date, view: DashboardView | null, inputs: RefreshInputs): RefreshContext {
  const { transport, caps, budget, log, stageOptions } = inputs;
  const optionValues = stageOptions.options.map((o) => o.value);
  const known = knownStageValues(caps, { values: optionValues, fromMetadata: stageOptions.source === 'metadata' });
  const filterCtx = { caps, knownStages: known, now, log };
  const fileParts = dashboardFilterParts(dashboard, filterCtx);
  // The saved view's filters AND the file's: as its translation everywhere, as `viewId` in group-by.
  const filterParts = withViewPart(fileParts, view);
  const stages = dashboard.filter.stages ? checkStages(dashboard.filter.stages, known, 'filter.stages', () => {}) : (known ?? optionValues);
  const openStages = openStagesOf(dashboard, stages);
  const ctx: StrategyContext = {
    transport,
    caps,
    budget,
    log,
    dashboard,
    now,
    filterParts,
    stages,
    openStages,
    openFilter: openStages.length > 0 ? toFilterInput([...filterParts, stageIn(openStages)]) : null,
    topDealsLimit: topDealsLimitOf(dashboard),
    view: view && caps.groupByArgs.includes('viewId') ? { id: view.view.id, fileParts } : null,
  };
  return { ctx, filterCtx, view };
}
