import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { dashboardFilterParts, knownStageValues, toFilterInput, type OpportunityFilterInput } from '@/lib/twenty/filters';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';
import type { Log } from '@/lib/twenty/transport';

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
 * The dashboard's own filter, exactly as the wall sends it. Throws the wall's `rejected`
 * TwentyError for what this server cannot run (ownerIds without owners, no known stage left).
 */
export function scopeFilter(dashboard: DashboardConfig, caps: Capabilities, known: string[] | null, now: Date, log: Log): OpportunityFilterInput {
  return toFilterInput(dashboardFilterParts(dashboard, { caps, knownStages: known, now, log }));
}
