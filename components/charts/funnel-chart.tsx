'use client';

import { Bar, BarChart, Cell, XAxis, YAxis } from 'recharts';
import type { Display } from '@/components/dashboard/display';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { stageColor } from '@/components/charts/stage-colors';
import { ChartFrame } from '@/components/charts/chart-frame';
import { FunnelBars } from '@/components/charts/chart-fallbacks';
import { funnelOf } from '@/lib/pipeline/funnel';
import type { FunnelStep, StageSummary } from '@/lib/pipeline/types';
import { formatCount } from '@/lib/client/format';
import { formatPercent } from '@/lib/client/format/percent';

type FunnelDatum = { value: string; label: string; summary: string; reached: number; offset: number; color: string };
type FunnelProps = { stages: StageSummary[]; funnel: FunnelStep[] | undefined; display: Display };

/** The stages a deal can still move through: neither won nor lost, in pipeline order. */
export function openStages(stages: StageSummary[]): StageSummary[] {
  return stages.filter((s) => !s.isWon && !s.isLost);
}

/** The snapshot's funnel, or (a snapshot from before it) the same funnel derived from its stages. */
function stepsOf({ stages, funnel }: Pick<FunnelProps, 'stages' | 'funnel'>): (FunnelStep & { stage: StageSummary | undefined })[] {
  const byValue = new Map(stages.map((s) => [s.value, s]));
  return (funnel ?? funnelOf(stages)).map((step) => ({ ...step, stage: byValue.get(step.value) }));
}

function toData(props: FunnelProps): FunnelDatum[] {
  const steps = stepsOf(props);
  const widest = Math.max(1, ...steps.map((s) => s.reached));
  const { locale } = props.display;
  return steps.map((s) => ({
    value: s.value,
    label: s.stage?.label ?? s.value,
    summary: s.conversionPercent === null ? formatCount(s.reached, locale) : `${formatCount(s.reached, locale)} · ${formatPercent(s.conversionPercent, locale)}`,
    reached: s.reached,
    // An invisible bar before each one centres it, which draws the funnel's shape.
    offset: (widest - s.reached) / 2,
    color: stageColor(s.stage?.color ?? 'gray'),
  }));
}

/**
 * Deals that reached each open or won stage (at it now or further) as a centred, stepped funnel:
 * stage names left, reached · share of the previous stage right. Lost deals are left out.
 */
export function FunnelChart({ height, ...props }: FunnelProps & { height: number }) {
  const { display } = props;
  const theme = chartTheme(display.variant);
  const data = toData(props);
  const widest = Math.max(1, ...data.map((d) => d.reached));
  const labelWidth = Math.round(theme.fontSize * 7.5);
  const axisTick = { fill: theme.label, fontSize: theme.fontSize, fontWeight: 600 };
  const fallback =
    display.variant === 'tv' ? null : (
      <FunnelBars theme={theme} bars={data.map((d) => ({ key: d.value, label: d.label, valueLabel: d.summary, fraction: d.reached / widest, color: d.color }))} />
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
        <Bar yAxisId="stage" dataKey="reached" stackId="funnel" radius={4} minPointSize={2} isAnimationActive={display.animate} animationDuration={UPDATE_ANIMATION_MS}>
          {data.map((d) => (
            <Cell key={d.value} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** The funnel's text alternative (visually hidden), with its raw figures for anyone reading the DOM. */
export function FunnelTable(props: FunnelProps) {
  const { locale } = props.display;
  return (
    <div className="sr-only">
      <table data-testid="funnel-table">
        <caption>Deals that reached each stage (at it now or further on, lost deals left out), and the share of the previous stage that got there</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Deals reached</th>
            <th scope="col">Of the previous stage</th>
          </tr>
        </thead>
        <tbody>
          {stepsOf(props).map((s) => (
            <tr key={s.value} data-testid="funnel-step" data-stage={s.value} data-reached={s.reached} data-conversion-percent={s.conversionPercent ?? ''}>
              <th scope="row">{s.stage?.label ?? s.value}</th>
              <td>{formatCount(s.reached, locale)}</td>
              <td>{s.conversionPercent === null ? '—' : formatPercent(s.conversionPercent, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
