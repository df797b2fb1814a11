'use client';

import { Bar, BarChart, Cell, XAxis, YAxis } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { stageColor } from '@/components/charts/stage-colors';
import { ChartFrame } from '@/components/charts/chart-frame';
import { FunnelBars } from '@/components/charts/chart-fallbacks';
import type { StageSummary } from '@/lib/pipeline/types';
import { formatCount, formatMoney } from '@/lib/client/format';

type FunnelDatum = { value: string; label: string; summary: string; count: number; offset: number; color: string };

/** The stages a deal can still move through: neither won nor lost, in pipeline order. */
export function openStages(stages: StageSummary[]): StageSummary[] {
  return stages.filter((s) => !s.isWon && !s.isLost);
}

function toData(stages: StageSummary[], display: Display): FunnelDatum[] {
  const widest = Math.max(1, ...stages.map((s) => s.count));
  return stages.map((s) => ({
    value: s.value,
    label: s.label,
    summary: `${formatCount(s.count, display.locale)} · ${formatMoney(s.amountMicros, display.currency, display.locale, { compact: true })}`,
    count: s.count,
    // An invisible bar before each one centres it, which draws the funnel's shape.
    offset: (widest - s.count) / 2,
    color: stageColor(s.color),
  }));
}

/** Open deals per stage as a centred, stepped funnel; stage names left, deals · amount right. */
export function FunnelChart({ stages, display, height }: { stages: StageSummary[]; display: Display; height: number }) {
  const theme = chartTheme(display.variant);
  const data = toData(openStages(stages), display);
  const widest = Math.max(1, ...data.map((d) => d.count));
  const labelWidth = Math.round(theme.fontSize * 7.5);
  const axisTick = { fill: theme.label, fontSize: theme.fontSize, fontWeight: 600 };
  const fallback =
    display.variant === 'tv' ? null : (
      <FunnelBars theme={theme} bars={data.map((d) => ({ key: d.value, label: d.label, valueLabel: d.summary, fraction: d.count / widest, color: d.color }))} />
    );
  return (
    <ChartFrame testId="funnel-chart" height={height} fallback={fallback}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: '100%', height }}
        margin={{ top: 0, right: 8, bottom: 0, left: 0 }}
        barCategoryGap="14%"
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, widest]} />
        <YAxis yAxisId="stage" type="category" dataKey="label" width={labelWidth} tickLine={false} axisLine={false} tick={axisTick} />
        <YAxis
          yAxisId="summary"
          orientation="right"
          type="category"
          dataKey="summary"
          width={labelWidth + 8}
          tickLine={false}
          axisLine={false}
          tick={{ fill: theme.muted, fontSize: theme.fontSize }}
        />
        <Bar yAxisId="stage" dataKey="offset" stackId="funnel" fill="transparent" isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS} />
        <Bar yAxisId="stage" dataKey="count" stackId="funnel" radius={4} minPointSize={2} isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS}>
          {data.map((d) => (
            <Cell key={d.value} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export function FunnelTable({ stages, display }: { stages: StageSummary[]; display: Display }) {
  return (
    <div className="sr-only">
      <table>
        <caption>Open deals by stage, from first to last stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Open deals</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {openStages(stages).map((s) => (
            <tr key={s.value}>
              <th scope="row">{s.label}</th>
              <td>{formatCount(s.count, display.locale)}</td>
              <td>{formatMoney(s.amountMicros, display.currency, display.locale, { wholeUnits: true })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
