'use client';

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ColumnBars } from '@/components/charts/chart-fallbacks';
import { formatMoney, microsToDecimal } from '@/lib/client/format';

// One column per period (a close month, a creation week): the amount as the bar and its label,
// a name and a second line under each column. The timeline and the trend differ only in what
// they put there, their colour and their sizes.

export type Column = { key: string; label: string; detail: string; amount: number; amountLabel: string };

/** A column's bar height (display units; a float is fine for pixels) and its compact label, none for zero. */
export function columnAmount(amountMicros: string, display: Display): Pick<Column, 'amount' | 'amountLabel'> {
  return {
    amount: Number(microsToDecimal(amountMicros) ?? 0),
    amountLabel: /^0+$/.test(amountMicros) ? '' : formatMoney(amountMicros, display.currency, display.locale, { compact: true }),
  };
}

export type ColumnChartStyle = {
  testId: string;
  color: { light: string; dark: string };
  maxBarWidth: number;
  /** Font sizes of the label, the second line and the amount, relative to the theme's. */
  fontDelta: { label: number; detail: number; amount: number };
};

export function ColumnChart({ columns, display, height, style }: { columns: Column[]; display: Display; height: number; style: ColumnChartStyle }) {
  const theme = chartTheme(display.variant);
  const { fontDelta } = style;
  const tick = ({ x, y, index }: XAxisTickContentProps) => {
    const column = columns[index];
    if (!column) return null;
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={theme.fontSize + 2} textAnchor="middle" fill={theme.axis} fontSize={theme.fontSize + fontDelta.label}>
          {column.label}
        </text>
        <text dy={theme.fontSize * 2 + 6} textAnchor="middle" fill={theme.muted} fontSize={theme.fontSize + fontDelta.detail}>
          {column.detail}
        </text>
      </g>
    );
  };
  const widest = Math.max(0, ...columns.map((c) => c.amount));
  const barColor = display.variant === 'tv' ? style.color.dark : style.color.light;
  const fallback =
    display.variant === 'tv' ? null : (
      <ColumnBars
        theme={theme}
        maxBarWidth={style.maxBarWidth}
        bars={columns.map((c) => ({ key: c.key, label: c.label, detail: c.detail, valueLabel: c.amountLabel, fraction: widest > 0 ? c.amount / widest : 0, color: barColor }))}
      />
    );
  return (
    <ChartFrame testId={style.testId} height={height} fallback={fallback}>
      <BarChart responsive data={columns} style={{ width: '100%', height }} margin={{ top: theme.labelFontSize + 10, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="key" tick={tick} tickLine={false} axisLine={{ stroke: theme.grid }} interval={0} height={theme.fontSize * 2 + 14} />
        <YAxis hide domain={[0, 'auto']} />
        <Bar dataKey="amount" fill={barColor} radius={[4, 4, 0, 0]} maxBarSize={style.maxBarWidth} isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS}>
          <LabelList dataKey="amountLabel" position="top" fill={theme.label} fontSize={theme.labelFontSize + fontDelta.amount} fontWeight={600} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
