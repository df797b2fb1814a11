import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { stageKindOf, type StageKind } from '@/lib/pipeline/stage-kind';
import type { DealGroup, StageOption } from '@/lib/pipeline/types';

export type { StageKind };

export type CatalogStage = StageOption & { known: boolean; kind: StageKind };

/** The stages a dashboard shows, in order, and how each one counts (won / lost / open). */
export type StageCatalog = {
  stages: CatalogStage[];
  /** Whether the dashboard's stage filter lets this stage value in. */
  includes: (stage: string) => boolean;
  kindOf: (stage: string) => StageKind;
  labelOf: (stage: string) => string;
};

// Twenty's colour for "no colour"; the UI maps colour names, not hex values.
const UNKNOWN_STAGE_COLOR = 'gray';

/**
 * Known stages follow Twenty's metadata order. A stage value found in the data but gone from the
 * metadata (renamed or deleted option) is kept after them under its raw value, so its deals are
 * never dropped from the totals without a trace.
 */
export function buildStageCatalog(
  options: StageOption[],
  groups: DealGroup[],
  dashboard: Pick<DashboardConfig, 'filter' | 'wonStages' | 'lostStages'>,
): StageCatalog {
  const allowed = dashboard.filter.stages ? new Set(dashboard.filter.stages) : null;
  const includes = (stage: string) => allowed === null || allowed.has(stage);
  const kindOf = (stage: string): StageKind => stageKindOf(dashboard, stage);

  const ordered = [...options].sort((a, b) => a.position - b.position || compareText(a.value, b.value));
  const known = ordered.filter((o) => includes(o.value));
  const knownValues = new Set(options.map((o) => o.value));
  const unknownValues = [...new Set(groups.map((g) => g.stage))]
    .filter((value) => !knownValues.has(value) && includes(value))
    .sort(compareText);
  const nextPosition = ordered.reduce((max, o) => Math.max(max, o.position + 1), 0);

  const stages: CatalogStage[] = [
    ...known.map((o) => ({ value: o.value, label: o.label, color: o.color, position: o.position, known: true, kind: kindOf(o.value) })),
    ...unknownValues.map((value, i) => ({
      value,
      label: value,
      color: UNKNOWN_STAGE_COLOR,
      position: nextPosition + i,
      known: false,
      kind: kindOf(value),
    })),
  ];
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return { stages, includes, kindOf, labelOf: (stage) => labels.get(stage) ?? stage };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
