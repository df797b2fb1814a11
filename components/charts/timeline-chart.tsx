'use client';

import type { Display } from '@/components/dashboard/display';
import { ColumnChart, columnAmount, type Column, type ColumnChartStyle } from '@/components/charts/column-chart';
import type { TimelinePoint } from '@/lib/pipeline/types';
import { formatCount, formatMonth, formatTotalText } from '@/lib/client/format';

const TIMELINE_MONTHS = 12;
const TIMELINE_STYLE: ColumnChartStyle = { testId: 'timeline-chart', color: { light: '#4f46e5', dark: '#818cf8' }, maxBarWidth: 44, fontDelta: { label: 0, detail: -1, amount: -1 } };

function toColumns(points: TimelinePoint[], display: Display): Column[] {
  const shortMonth = new Intl.DateTimeFormat(display.locale, { month: 'short', timeZone: 'UTC' });
  return points.slice(0, TIMELINE_MONTHS).map((p, i) => {
    const [year = '', month = '1'] = p.month.split('-');
    return {
      key: p.month,
      label: shortMonth.format(new Date(Date.UTC(Number(year), Number(month) - 1, 15))),
      // The year is printed under the first month and under every January.
      detail: i === 0 || month === '01' ? year : '',
      ...columnAmount(p.amountMicros, display),
    };
  });
}

/** Amount by expected close month, twelve months, each bar labelled with its amount. */
export function TimelineChart({ points, display, height }: { points: TimelinePoint[]; display: Display; height: number }) {
  return <ColumnChart columns={toColumns(points, display)} display={display} height={height} style={TIMELINE_STYLE} />;
}

export function TimelineTable({ points, display }: { points: TimelinePoint[]; display: Display }) {
  const { locale, currency, timeZone } = display;
  return (
    <div className="sr-only">
      <table>
        <caption>Amount by expected close month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Deals</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {points.slice(0, TIMELINE_MONTHS).map((p) => (
            <tr key={p.month} data-month={p.month}>
              <th scope="row">{formatMonth(p.month, locale, timeZone, 'long')}</th>
              <td>{formatCount(p.count, locale)}</td>
              <td>{formatTotalText(p, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
