'use client';

import type { Display } from '@/components/dashboard/display';
import { ColumnChart, columnAmount, type Column, type ColumnChartStyle } from '@/components/charts/column-chart';
import type { CreatedPoint } from '@/lib/pipeline/types';
import { formatCount, formatTotalText } from '@/lib/client/format';

// New pipeline by the week deals were created: twelve bars of amount, the deal count under each
// week. Weeks are named by their first day, a local date of the dashboard's zone, so they are
// formatted as calendar dates (UTC arithmetic on the date, never shifted by the viewer's zone).

const TREND_STYLE: ColumnChartStyle = { testId: 'trend-chart', color: { light: '#0d9488', dark: '#2dd4bf' }, maxBarWidth: 40, fontDelta: { label: -1, detail: -2, amount: -2 } };

export function formatWeek(week: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [y = '1970', m = '1', d = '1'] = week.split('-');
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

function toColumns(points: CreatedPoint[], display: Display): Column[] {
  return points.map((p) => ({ key: p.week, label: formatWeek(p.week, display.locale), detail: formatCount(p.count, display.locale), ...columnAmount(p.amountMicros, display) }));
}

/** Amount created per week, each bar labelled with its amount and its week's deal count. */
export function TrendChart({ points, display, height }: { points: CreatedPoint[]; display: Display; height: number }) {
  return <ColumnChart columns={toColumns(points, display)} display={display} height={height} style={TREND_STYLE} />;
}

/** Every week's figures as text, for screen readers (and the tests): exact amounts, other currencies named. */
export function TrendTable({ points, display }: { points: CreatedPoint[]; display: Display }) {
  const { locale, currency } = display;
  return (
    <div className="sr-only">
      <table data-testid="trend-table">
        <caption>New pipeline by week created (weeks start on the date shown)</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Deals created</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.week} data-testid="trend-week" data-week={p.week} data-count={p.count} data-amount-micros={p.amountMicros}>
              <th scope="row">{formatWeek(p.week, locale, 'long')}</th>
              <td>{formatCount(p.count, locale)}</td>
              <td>{formatTotalText(p, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
