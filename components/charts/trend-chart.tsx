'use client';

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ColumnBars } from '@/components/charts/chart-fallbacks';
import type { CreatedPoint } from '@/lib/pipeline/types';
import { formatCount, formatMoney, microsToDecimal } from '@/lib/client/format';

// New pipeline by the week deals were created: twelve bars of amount, the deal count under each
// week. Weeks are named by their first day, a local date of the dashboard's zone, so they are
// formatted as calendar dates (UTC arithmetic on the date, never shifted by the viewer's zone).

const BAR_COLOR = { light: '#0d9488', dark: '#2dd4bf' } as const;

type WeekDatum = { week: string; weekLabel: string; countLabel: string; amount: number; amountLabel: string };


export function formatWeek(week: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [y = '1970', m = '1', d = '1'] = week.split('-');
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}

function toData(points: CreatedPoint[], display: Display): WeekDatum[] {
  return points.map((p) => ({
    week: p.week,
    weekLabel: formatWeek(p.week, display.locale),
    countLabel: formatCount(p.count, display.locale),
    amount: Number(microsToDecimal(p.amountMicros) ?? 0),
    amountLabel: /^0+$/.test(p.amountMicros) ? '' : formatMoney(p.amountMicros, display.currency, display.locale, { compact: true }),
  }));
}

/** Amount created per week, each bar labelled with its amount and its week's deal count. */
export function TrendChart({ points, display, height }: { points: CreatedPoint[]; display: Display; height: number }) {
  const theme = chartTheme(display.variant);
  const data = toData(points, display);
  const tick = ({ x, y, index }: XAxisTickContentProps) => {
    const datum = data[index];
    if (!datum) return null;
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={theme.fontSize + 2} textAnchor="middle" fill={theme.axis} fontSize={theme.fontSize - 1}>
          {datum.weekLabel}
        </text>
        <text dy={theme.fontSize * 2 + 6} textAnchor="middle" fill={theme.muted} fontSize={theme.fontSize - 2}>
          {datum.countLabel}
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
        maxBarWidth={40}
        bars={data.map((d) => ({ key: d.week, label: d.weekLabel, detail: d.countLabel, valueLabel: d.amountLabel, fraction: widest > 0 ? d.amount / widest : 0, color: barColor }))}
      />
    );
  return (
    <ChartFrame testId="trend-chart" height={height} fallback={fallback}>
      <BarChart responsive data={data} style={{ width: '100%', height }} margin={{ top: theme.labelFontSize + 10, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="week" tick={tick} tickLine={false} axisLine={{ stroke: theme.grid }} interval={0} height={theme.fontSize * 2 + 14} />
        <YAxis hide domain={[0, 'auto']} />
        <Bar dataKey="amount" fill={barColor} radius={[4, 4, 0, 0]} maxBarSize={40} isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS}>
          <LabelList dataKey="amountLabel" position="top" fill={theme.label} fontSize={theme.labelFontSize - 2} fontWeight={600} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
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
