// How far the team is: the goal, the win rate and the funnel, as the snapshot carries them.
// A leaf of lib/pipeline (types.ts re-exports it), so goal.ts, win-rate.ts and funnel.ts import no cycle.

/** The period's goal (lib/pipeline/goal.ts); percentages have one decimal. */
export type GoalProgress = {
  /** The goal in micros of the display currency. */
  amountMicros: string;
  /** Won this period ÷ goal × 100 (above 100 once exceeded). */
  progressPercent: number;
  /** Open pipeline closing this period ÷ what is still missing × 100; null once the goal is met. */
  coveragePercent: number | null;
};

/** Deals closed this period (lib/pipeline/win-rate.ts). */
export type WinRate = {
  won: number;
  lost: number;
  /** won ÷ (won + lost) × 100, one decimal; null when nothing closed or no stage counts as lost. */
  percent: number | null;
};

/**
 * One step of the funnel (lib/pipeline/funnel.ts), over open and won stages in stage order:
 * `reached` deals are now at this stage or a later one; `conversionPercent` is reached ÷ the
 * previous step's reached × 100, one decimal, null on the first step or after a step of zero.
 */
export type FunnelStep = { value: string; reached: number; conversionPercent: number | null };
