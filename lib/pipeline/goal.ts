import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { unitsToMicros } from '@/lib/pipeline/money/units';
import { percentOneDecimal } from '@/lib/pipeline/percent';
import type { GoalProgress } from '@/lib/pipeline/progress-types';
import type { MoneyTotal } from '@/lib/pipeline/types';

// How far the period's goal is. Both figures are the KPIs' own totals (kpis.ts), so they are in
// the display currency under the same conversion rules: amounts in currencies without a rate are
// apart in `other` and never count towards the goal.

export type Goal = NonNullable<DashboardConfig['goal']>;

/**
 * `won`: won this period; `closing`: open deals whose close date falls in this period (overdue ones
 * of earlier months in it included). Progress is won ÷ goal; coverage is closing ÷ (goal − won),
 * null once won reaches the goal, when nothing is missing to cover.
 */
export function goalProgress(goal: Goal, won: MoneyTotal, closing: MoneyTotal): GoalProgress {
  const target = unitsToMicros(goal.amount);
  const wonMicros = BigInt(won.amountMicros);
  const missing = target - wonMicros;
  return {
    amountMicros: target.toString(),
    progressPercent: percentOneDecimal(wonMicros, target),
    coveragePercent: missing > 0n ? percentOneDecimal(BigInt(closing.amountMicros), missing) : null,
  };
}
