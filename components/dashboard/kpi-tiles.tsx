import type { Display } from '@/components/dashboard/display';
import { KpiTile } from '@/components/dashboard/kpi-tile';
import { ConvertedMark, HeadlineMoney } from '@/components/dashboard/money-total';
import { ChangeBadge } from '@/components/dashboard/change-badge';
import { GoalBar, WinRateLine } from '@/components/dashboard/goal-bar';
import type { Kpis } from '@/lib/pipeline/types';
import { formatChange, formatCount, formatMonth } from '@/lib/client/format';
import { monthKeyOf } from '@/lib/pipeline/zoned';

const PERIOD_WORDS: Record<Kpis['period'], { current: string; previous: string }> = {
  month: { current: 'this month', previous: 'last month' },
  quarter: { current: 'this quarter', previous: 'last quarter' },
  year: { current: 'this year', previous: 'last year' },
};

function deals(count: number, locale: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? 'deal' : 'deals'}`;
}

const FIGURE = 'text-(length:--pw-kpi) leading-none font-semibold tracking-tight tabular-nums';
const DETAIL = 'text-(length:--pw-small) text-(--pw-muted) tabular-nums';

type KpiTilesProps = { kpis: Kpis; openStageCount: number; asOf: string; display: Display };

export function KpiTiles({ kpis, openStageCount, asOf, display }: KpiTilesProps) {
  const { locale, timeZone } = display;
  const period = PERIOD_WORDS[kpis.period];
  const won = kpis.wonThisPeriod;
  const closing = kpis.closingThisMonth;
  const change = formatChange(won.amountMicros, kpis.wonPreviousPeriod.amountMicros, locale);
  const currentMonth = formatMonth(monthKeyOf(new Date(asOf), timeZone), locale, timeZone, 'long');

  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5" role="group" aria-label="Key figures">
      <KpiTile
        label="Open pipeline"
        testId="kpi-open-value"
        data={{ 'data-amount-micros': kpis.openValue.amountMicros, 'data-currency': kpis.openValue.currency, 'data-converted': kpis.openValue.converted }}
        badge={<ConvertedMark converted={kpis.openValue.converted} />}
      >
        <HeadlineMoney total={kpis.openValue} locale={locale} />
      </KpiTile>
      <KpiTile label="Open deals" testId="kpi-open-count" data={{ 'data-value': kpis.openCount }}>
        <p className={`${FIGURE} text-(--pw-text)`}>{formatCount(kpis.openCount, locale)}</p>
        <p className={DETAIL}>
          across {formatCount(openStageCount, locale)} open {openStageCount === 1 ? 'stage' : 'stages'}
        </p>
      </KpiTile>
      <KpiTile
        label="Average deal size"
        testId="kpi-average-deal"
        data={{ 'data-amount-micros': kpis.averageDeal?.amountMicros ?? '', 'data-empty': kpis.averageDeal === null }}
        badge={<ConvertedMark converted={kpis.averageDeal?.converted ?? false} />}
      >
        {kpis.averageDeal ? (
          <HeadlineMoney total={kpis.averageDeal} locale={locale} />
        ) : (
          <p className={`${FIGURE} text-(--pw-muted)`}>
            —<span className="sr-only"> no open deals with an amount</span>
          </p>
        )}
        <p className={DETAIL}>per open deal with an amount</p>
      </KpiTile>
      <KpiTile
        label={`Won ${period.current}`}
        testId="kpi-won-period"
        data={{ 'data-amount-micros': won.amountMicros, 'data-count': won.count, 'data-previous-amount-micros': kpis.wonPreviousPeriod.amountMicros }}
        badge={<ConvertedMark converted={won.converted} />}
        footer={<ChangeBadge change={change} against={period.previous} />}
      >
        <HeadlineMoney total={won} locale={locale} />
        <p className={DETAIL}>{deals(won.count, locale)}</p>
        <WinRateLine winRate={kpis.winRate} locale={locale} className={DETAIL} />
      </KpiTile>
      <KpiTile
        label="Closing this month"
        testId="kpi-closing-month"
        data={{ 'data-amount-micros': closing.amountMicros, 'data-count': closing.count }}
        badge={<ConvertedMark converted={closing.converted} />}
      >
        <HeadlineMoney total={closing} locale={locale} />
        <p className={DETAIL}>
          {deals(closing.count, locale)} · {currentMonth}
        </p>
      </KpiTile>
      {kpis.goal ? <GoalBar goal={kpis.goal} won={won} periodWords={period.current} locale={locale} /> : null}
    </div>
  );
}
