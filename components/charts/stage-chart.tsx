'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { stageColor } from '@/components/charts/stage-colors';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ColumnBars } from '@/components/charts/chart-fallbacks';
import type { StageSummary } from '@/lib/pipeline/types';
import { formatCount, formatMoney, microsToDecimal } from '@/lib/client/format';

type StageDatum = { value: string; label: string; countLabel: string; amountLabel: string; amount: number; color: string };

function toData(stages: StageSummary[], display: Display): StageDatum[] {
  return stages.map((s) => ({
    value: s.value,
    label: s.label,
    countLabel: `${formatCount(s.count, display.locale)} ${s.isWon ? 'won' : s.count === 1 ? 'deal' : 'deals'}`,
    amountLabel: formatMoney(s.amountMicros, display.currency, display.locale, { compact: true }),
    // Only the bar's length goes through a float; every printed figure comes from the exact string.
    amount: Number(microsToDecimal(s.amountMicros) ?? 0),
    color: stageColor(s.color),
  }));
}

/** Amount per stage as bars in Twenty's colours; every bar is labelled with its amount and deal count. */
export function StageChart({ stages, display, height }: { stages: StageSummary[]; display: Display; height: number }) {
  const theme = chartTheme(display.variant);
  const data = toData(stages, display);
  const tick = ({ x, y, index }: XAxisTickContentProps) => {
    const datum = data[index];
    if (!datum) return null;
    return (
      <g transform={`translate(${x},${y})`}>
        <text dy={theme.fontSize + 2} textAnchor="middle" fill={theme.label} fontSize={theme.fontSize} fontWeight={600}>
          {datum.label}
        </text>
        <text dy={theme.fontSize * 2 + 6} textAnchor="middle" fill={theme.muted} fontSize={theme.fontSize}>
          {datum.countLabel}
        </text>
      </g>
    );
  };
  const widest = Math.max(0, ...data.map((d) => d.amount));
  // The TV measures its panels before drawing any chart, so it never shows an empty server frame.
  const fallback =
    display.variant === 'tv' ? null : (
      <ColumnBars
        theme={theme}
        maxBarWidth={88}
        bars={data.map((d) => ({ key: d.value, label: d.label, detail: d.countLabel, valueLabel: d.amountLabel, fraction: widest > 0 ? d.amount / widest : 0, color: d.color }))}
      />
    );
  return (
    <ChartFrame testId="stage-chart" height={height} fallback={fallback}>
      <BarChart responsive data={data} style={{ width: '100%', height }} margin={{ top: theme.labelFontSize + 12, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="value" tick={tick} tickLine={false} axisLine={{ stroke: theme.grid }} interval={0} height={theme.fontSize * 2 + 16} />
        <YAxis hide domain={[0, 'auto']} />
        <Bar dataKey="amount" radius={[6, 6, 0, 0]} maxBarSize={88} isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS}>
          {data.map((d) => (
            <Cell key={d.value} fill={d.color} />
          ))}
          <LabelList dataKey="amountLabel" position="top" fill={theme.label} fontSize={theme.labelFontSize} fontWeight={600} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
