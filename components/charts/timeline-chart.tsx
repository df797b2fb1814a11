'use client';

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ColumnBars } from '@/components/charts/chart-fallbacks';
import type { TimelinePoint } from '@/lib/pipeline/types';
import { formatCount, formatMoney, formatMonth, microsToDecimal } from '@/lib/client/format';

const TIMELINE_MONTHS = 12;
const BAR_COLOR = { light: '#4f46e5', dark: '#818cf8' } as const;

type MonthDatum = { month: string; monthLabel: string; yearLabel: string; amount: number; amountLabel: string };

function toData(points: TimelinePoint[], display: Display): MonthDatum[] {
  const shortMonth = new Intl.DateTimeFormat(display.locale, { month: 'short', timeZone: 'UTC' });
  return points.slice(0, TIMELINE_MONTHS).map((p, i) => {
    const [year = '', month = '1'] = p.month.split('-');
    const isZero = /^0+$/.test(p.amountMicros);
    return {
      month: p.month,
      monthLabel: shortMonth.format(new Date(Date.UTC(Number(year), Number(month) - 1, 15))),
      // The year is printed under the first month and under every January.
      yearLabel: i === 0 || month === '01' ? year : '',
      amount: Number(microsToDecimal(p.amountMicros) ?? 0),
      amountLabel: isZero ? '' : formatMoney(p.amountMicros, display.currency, display.locale, { compact: true }),
    };
  });
}

/** Amount by expected close month, twelve months, each bar labelled with its amount. */
export function TimelineChart({ points, display, height }: { points: TimelinePoint[]; display: Display; height: number }) {
  const theme = chartTheme(display.variant);
  const data = toData(points, display);
  const tick = ({ x, y, index }: XAxisTickContentProps) => {
    const datum = data[index];
    if (!datum) return null;
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={theme.fontSize + 2} textAnchor="middle" fill={theme.axis} fontSize={theme.fontSize}>
          {datum.monthLabel}
        </text>
        <text dy={theme.fontSize * 2 + 6} textAnchor="middle" fill={theme.muted} fontSize={theme.fontSize - 1}>
          {datum.yearLabel}
        </text>
      </g>
    );
  };
  const widest = Math.max(0, ...data.map((d) => d.amount));
  const barColor = display.variant === 'tv' ? BAR_COLOR.dark : BAR_COLOR.light;
  const fallback =
    display.variant === 'tv' ? null : (
      <ColumnBars
        theme={theme}
        maxBarWidth={44}
        bars={data.map((d) => ({ key: d.month, label: d.monthLabel, detail: d.yearLabel, valueLabel: d.amountLabel, fraction: widest > 0 ? d.amount / widest : 0, color: barColor }))}
      />
    );
  return (
    <ChartFrame testId="timeline-chart" height={height} fallback={fallback}>
      <BarChart responsive data={data} style={{ width: '100%', height }} margin={{ top: theme.labelFontSize + 10, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="month" tick={tick} tickLine={false} axisLine={{ stroke: theme.grid }} interval={0} height={theme.fontSize * 2 + 14} />
        <YAxis hide domain={[0, 'auto']} />
        <Bar
          dataKey="amount"
          fill={barColor}
          radius={[4, 4, 0, 0]}
          maxBarSize={44}
          isAnimationActive={display.animate}
          animationDuration={UPDATE_ANIMATION_MS}
        >
          <LabelList dataKey="amountLabel" position="top" fill={theme.label} fontSize={theme.labelFontSize - 1} fontWeight={600} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
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
              <td>
                {formatMoney(p.amountMicros, currency, locale, { wholeUnits: true })}
                {p.converted ? ' (includes converted currencies)' : ''}
                {p.other.map((o) => `, plus ${formatMoney(o.amountMicros, o.currencyCode, locale, { wholeUnits: true })} not converted`).join('')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
