import { percentOneDecimal } from '@/lib/pipeline/percent';
import type { FunnelStep } from '@/lib/pipeline/progress-types';
import type { StageSummary } from '@/lib/pipeline/types';

type FunnelStage = Pick<StageSummary, 'value' | 'count' | 'isLost'>;

/**
 * The funnel over the open and won stages, in the order given (the stage catalog's: Twenty's
 * order, unknown stages last). A deal now at a stage has passed every earlier one, so a stage's
 * `reached` is its own deals plus every later stage's; lost deals left off somewhere on the way,
 * so they count nowhere. Conversion is the share of the previous step's deals that got this far.
 * Pure over the stage summaries, so the browser derives the same funnel from an older snapshot.
 */
export function funnelOf(stages: readonly FunnelStage[]): FunnelStep[] {
  const steps = stages.filter((s) => !s.isLost);
  const reached: number[] = [];
  let beyond = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    beyond += steps[i]?.count ?? 0;
    reached[i] = beyond;
  }
  return steps.map((stage, i) => {
    const previous = i === 0 ? 0 : (reached[i - 1] ?? 0);
    const here = reached[i] ?? 0;
    return { value: stage.value, reached: here, conversionPercent: previous === 0 ? null : percentOneDecimal(BigInt(here), BigInt(previous)) };
  });
}
