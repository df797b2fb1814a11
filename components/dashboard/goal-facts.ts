import type { GoalProgress, MoneyTotal } from '@/lib/pipeline/types';
import { formatMoney } from '@/lib/client/format';
import { barPercent, formatPercent } from '@/lib/client/format/percent';

/** The goal in words, for the page, the embed and the TV alike (each lays them out its own way). */
export type GoalFacts = {
  /** "81.2%" */
  progress: string;
  /** The goal and the amount won so far, in the display currency. */
  goal: string;
  won: string;
  /** What is still missing; null once the goal is met. */
  missing: string | null;
  /** "150.0%"; null once the goal is met. */
  coverage: string | null;
  /** How far the bar fills, 0 to 100. */
  bar: number;
  /** The whole picture in one sentence: the bar's aria-valuetext. */
  sentence: string;
};

export function goalFacts(goal: GoalProgress, won: MoneyTotal, locale: string, compact = false): GoalFacts {
  const money = (micros: string) => formatMoney(micros, won.currency, locale, compact ? { compact: true } : { wholeUnits: true });
  // Both are exact integer micros; the difference is taken in bigint, never in a float.
  const missingMicros = BigInt(goal.amountMicros) - BigInt(won.amountMicros);
  const facts = {
    progress: formatPercent(goal.progressPercent, locale),
    goal: money(goal.amountMicros),
    won: money(won.amountMicros),
    missing: missingMicros > 0n ? money(missingMicros.toString()) : null,
    coverage: goal.coveragePercent === null ? null : formatPercent(goal.coveragePercent, locale),
    bar: barPercent(goal.progressPercent),
  };
  const rest = facts.missing === null ? 'goal met' : `${facts.missing} to go, ${facts.coverage ?? '—'} of it covered by open deals closing in the period`;
  return { ...facts, sentence: `${facts.progress} of the ${facts.goal} goal: ${facts.won} won, ${rest}` };
}

/** The bar's ARIA attributes, the same on the page and the TV (the value is capped at 100). */
export function goalBarAria(facts: GoalFacts, periodWords: string) {
  return {
    role: 'progressbar',
    'aria-label': `Goal ${periodWords}`,
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': facts.bar,
    'aria-valuetext': facts.sentence,
  } as const;
}
