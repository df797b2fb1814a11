import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { dashboardFilterParts, knownStageValues, toFilterInput, type OpportunityFilterInput } from '@/lib/twenty/filters';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';
import type { Log, Transport } from '@/lib/twenty/transport';
import { createDashboardViews, withViewPart, type DashboardView } from '@/lib/twenty/views/dashboard-view';

// A dashboard's scope as the wall computes it, for the checks that do not run the whole refresh.

/** The stage values this server vouches for (its enum, or the metadata options), or null. */
export function knownStages(caps: Capabilities, stageOptions: StageOptionsResult): string[] | null {
  return knownStageValues(caps, { values: stageOptions.options.map((o) => o.value), fromMetadata: stageOptions.source === 'metadata' });
}

export type UnknownStages = { key: 'filter.stages' | 'wonStages' | 'lostStages'; values: string[] };

/**
 * Stage values a dashboard names that the workspace does not have. The wall drops them
 * quietly (a filter narrows, a won stage never matches), so the user learns of it only here.
 */
export function unknownStagesOf(dashboard: DashboardConfig, known: readonly string[] | null): UnknownStages[] {
  if (known === null) return [];
  const lists: [UnknownStages['key'], readonly string[]][] = [
    ['filter.stages', dashboard.filter.stages ?? []],
    ['wonStages', dashboard.wonStages],
    ['lostStages', dashboard.lostStages],
  ];
  return lists.map(([key, values]) => ({ key, values: values.filter((v) => !known.includes(v)) })).filter((u) => u.values.length > 0);
}

/**
 * The dashboard's filter AND its saved view's translation (when given), exactly as the wall sends
 * it. Throws the wall's `rejected` TwentyError for what this server cannot run (ownerIds without
 * owners, no known stage left).
 */
export function scopeFilter(dashboard: DashboardConfig, caps: Capabilities, known: string[] | null, now: Date, log: Log, view: Pick<DashboardView, 'part'> | null = null): OpportunityFilterInput {
  return toFilterInput(withViewPart(dashboardFilterParts(dashboard, { caps, knownStages: known, now, log }), view));
}

export type ScopeDeps = { transport: Transport; caps: Capabilities; known: string[] | null; now: Date };

/**
 * The whole scope of a dashboard, its saved view read and translated as the wall's other
 * strategies send it (the check memoises view reads; a v0.55 or an unusable view refuses here).
 */
export async function dashboardScope(dashboard: DashboardConfig, deps: ScopeDeps): Promise<OpportunityFilterInput> {
  const view = await createDashboardViews({ transport: deps.transport, ttlMs: 0 }).resolve(dashboard, deps.now);
  return scopeFilter(dashboard, deps.caps, deps.known, deps.now, () => {}, view);
}
