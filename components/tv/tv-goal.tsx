import '@/components/tv/tv-goal.css';
import { goalBarAria, goalFacts } from '@/components/dashboard/goal-facts';
import { formatMoney } from '@/lib/client/format';
import type { GoalProgress, MoneyTotal } from '@/lib/pipeline/types';

type TvGoalProps = { goal: GoalProgress; won: MoneyTotal; periodWords: string; locale: string };

/** The period's goal as a bar across the key figures, big enough to read from the back of the room. */
export function TvGoal({ goal, won, periodWords, locale }: TvGoalProps) {
  const facts = goalFacts(goal, won, locale, true);
  return (
    <article
      className="tv-kpi tv-goal"
      data-testid="kpi-goal"
      data-goal-micros={goal.amountMicros}
      data-progress-percent={goal.progressPercent}
      data-coverage-percent={goal.coveragePercent ?? ''}
    >
      <div className="tv-goal-head">
        <h2 className="tv-kpi-label">
          Goal {periodWords} · <span title={formatMoney(goal.amountMicros, won.currency, locale)}>{facts.goal}</span>
        </h2>
        <p className="tv-goal-figure" data-testid="goal-progress">
          {facts.progress}
        </p>
      </div>
      <div
        className="tv-goal-track"
        {...goalBarAria(facts, periodWords)}
      >
        <i style={{ width: `${facts.bar}%` }} />
      </div>
      <p className="tv-kpi-foot">
        {facts.won} won ·{' '}
        {facts.missing === null ? (
          'goal met'
        ) : (
          <>
            {facts.missing} to go · <span data-testid="goal-coverage">{facts.coverage}</span> covered by deals closing {periodWords}
          </>
        )}
      </p>
    </article>
  );
}
