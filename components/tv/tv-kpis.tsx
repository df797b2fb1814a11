import { OtherCurrencies, ConvertedMark } from '@/components/dashboard/money-total';
import { WinRateLine } from '@/components/dashboard/goal-bar';
import { TvGoal } from '@/components/tv/tv-goal';
import type { Kpis, MoneyTotal, Snapshot } from '@/lib/pipeline/types';
import { formatChange, formatCount, formatMoney } from '@/lib/client/format';

const PERIOD: Record<Kpis['period'], { current: string; previous: string }> = {
  month: { current: 'this month', previous: 'last month' },
  quarter: { current: 'this quarter', previous: 'last quarter' },
  year: { current: 'this year', previous: 'last year' },
};

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

function deals(count: number, locale: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? 'deal' : 'deals'}`;
}

/** A figure for across the room: compact ("$4.2M"), the exact amount in its tooltip and data. */
function CompactMoney({ total, locale }: { total: MoneyTotal; locale: string }) {
  return (
    <p className="tv-figure" title={formatMoney(total.amountMicros, total.currency, locale)} data-amount-micros={total.amountMicros}>
      {formatMoney(total.amountMicros, total.currency, locale, { compact: true })}
    </p>
  );
}

export function TvKpis({ snapshot }: { snapshot: Snapshot }) {
  const { kpis, locale } = snapshot;
  const period = PERIOD[kpis.period];
  const won = kpis.wonThisPeriod;
  const change = formatChange(won.amountMicros, kpis.wonPreviousPeriod.amountMicros, locale);
  return (
    <div className="tv-kpis" data-testid="tv-kpis" data-goal={kpis.goal ? 'true' : undefined}>
      <article className="tv-kpi tv-kpi-hero" data-testid="kpi-open-value">
        <h2 className="tv-kpi-label">Open pipeline</h2>
        <CompactMoney total={kpis.openValue} locale={locale} />
        <p className="tv-kpi-foot">
          {formatMoney(kpis.openValue.amountMicros, kpis.openValue.currency, locale, { wholeUnits: true })} across {deals(kpis.openCount, locale)}{' '}
          <ConvertedMark converted={kpis.openValue.converted} />
        </p>
        <OtherCurrencies other={kpis.openValue.other} locale={locale} />
      </article>
      <article className="tv-kpi" data-testid="kpi-open-count">
        <h2 className="tv-kpi-label">Open deals</h2>
        <p className="tv-figure">{formatCount(kpis.openCount, locale)}</p>
        <p className="tv-kpi-foot">in the pipeline now</p>
      </article>
      <article className="tv-kpi" data-testid="kpi-average-deal">
        <h2 className="tv-kpi-label">Average deal</h2>
        {kpis.averageDeal ? <CompactMoney total={kpis.averageDeal} locale={locale} /> : <p className="tv-figure">—</p>}
        <p className="tv-kpi-foot">open deals with an amount</p>
      </article>
      <article className="tv-kpi" data-testid="kpi-won-period">
        <h2 className="tv-kpi-label">Won {period.current}</h2>
        <CompactMoney total={won} locale={locale} />
        <p className="tv-kpi-foot">
          {deals(won.count, locale)}
          {change ? (
            <span className="tv-change" data-direction={change.direction}>
              {' '}
              · {ARROWS[change.direction]} {change.text} vs {period.previous}
            </span>
          ) : null}
        </p>
        <WinRateLine winRate={kpis.winRate} locale={locale} className="tv-kpi-foot" />
      </article>
      <article className="tv-kpi" data-testid="kpi-closing-month">
        <h2 className="tv-kpi-label">Closing this month</h2>
        <CompactMoney total={kpis.closingThisMonth} locale={locale} />
        <p className="tv-kpi-foot">{deals(kpis.closingThisMonth.count, locale)}</p>
      </article>
      {kpis.goal ? <TvGoal goal={kpis.goal} won={won} periodWords={period.current} locale={locale} /> : null}
    </div>
  );
}
