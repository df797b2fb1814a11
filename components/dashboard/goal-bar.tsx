import { goalBarAria, goalFacts } from '@/components/dashboard/goal-facts';
import type { GoalProgress, MoneyTotal, WinRate } from '@/lib/pipeline/types';
import { formatCount } from '@/lib/client/format';
import { formatPercent } from '@/lib/client/format/percent';

type GoalBarProps = { goal: GoalProgress; won: MoneyTotal; periodWords: string; locale: string };

/**
 * The period's goal as a bar across the KPI tiles, the figures beside it in text. The bar stops
 * at 100 % (aria-valuenow too); the text says how far past the goal the team is.
 */
export function GoalBar({ goal, won, periodWords, locale }: GoalBarProps) {
  const facts = goalFacts(goal, won, locale);
  return (
    <article
      data-testid="kpi-goal"
      data-goal-micros={goal.amountMicros}
      data-progress-percent={goal.progressPercent}
      data-coverage-percent={goal.coveragePercent ?? ''}
      className="col-span-full flex flex-col gap-3 rounded-2xl border border-(--pw-border) bg-(--pw-card) p-5 shadow-sm"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-(length:--pw-small) font-medium text-(--pw-muted)">
          Goal {periodWords}: <span className="font-semibold text-(--pw-text) tabular-nums">{facts.goal}</span>
        </h3>
        <p className="text-(length:--pw-card-title) font-semibold text-(--pw-text) tabular-nums" data-testid="goal-progress">
          {facts.progress}
        </p>
      </header>
      <div
        {...goalBarAria(facts, periodWords)}
        className="h-3 overflow-hidden rounded-full bg-(--pw-chip)"
      >
        <div className="h-full rounded-full bg-(--pw-accent) transition-[width] duration-300" style={{ width: `${facts.bar}%` }} />
      </div>
      <p className="text-(length:--pw-small) text-(--pw-muted) tabular-nums">
        {facts.won} won
        {facts.missing === null ? (
          <> · goal met</>
        ) : (
          <>
            {' '}
            · {facts.missing} to go · open deals closing {periodWords} cover <span data-testid="goal-coverage">{facts.coverage}</span> of it
          </>
        )}
      </p>
    </article>
  );
}

/** "Win rate 75.0% · 12 won, 4 lost", only when the dashboard can tell losses and something closed. */
export function WinRateLine({ winRate, locale, className }: { winRate: WinRate | undefined; locale: string; className: string }) {
  if (!winRate || winRate.percent === null) return null;
  return (
    <p className={className} data-testid="kpi-win-rate" data-percent={winRate.percent} data-won={winRate.won} data-lost={winRate.lost}>
      Win rate {formatPercent(winRate.percent, locale)} · {formatCount(winRate.won, locale)} won, {formatCount(winRate.lost, locale)} lost
    </p>
  );
}
