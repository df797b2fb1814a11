import type { DashboardConfig } from '@/lib/config/dashboard-schema';

// How a dashboard counts a stage: won, lost, or open (neither). The one place this is decided:
// the KPIs and the stage bars (stage-catalog.ts), the top-deals query's open stages
// (lib/twenty/filters.ts), a webhook's top-deal candidate and its ticker line (lib/live) all
// ask here, so a stage can never be open on one path and closed on another.

export type StageKind = 'won' | 'lost' | 'open';

export type StageRoles = Pick<DashboardConfig, 'wonStages' | 'lostStages'>;

/** A stage named both won and lost counts as won (the won list is read first). */
export function stageKindOf(dashboard: StageRoles, stage: string): StageKind {
  if (dashboard.wonStages.includes(stage)) return 'won';
  if (dashboard.lostStages.includes(stage)) return 'lost';
  return 'open';
}

export function isOpenStage(dashboard: StageRoles, stage: string): boolean {
  return stageKindOf(dashboard, stage) === 'open';
}
