'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { widgetColors } from '@/components/board/widget-colors';
import { compactValue, fullValue, showsLegend, valueDomain, type WidgetChartProps } from '@/components/board/chart-parts';
import { toChartSeries } from '@/lib/client/board-series';

/**
 * Twenty's bar chart: columns (VERTICAL) or bars across (HORIZONTAL), one bar per label in
 * Twenty's order, a secondary axis as grouped or stacked series in the widget's colours.
 */
export function BarWidget({ widget, points, display, height }: WidgetChartProps) {
  const theme = chartTheme(display.variant);
  const { rows, series } = toChartSeries(points);
  const colors = widgetColors(widget.display?.color, series.length);
  const across = widget.display?.layout === 'horizontal';
  const stacked = widget.display?.groupMode === 'stacked';
  const compact = compactValue(display.locale);
  const legend = showsLegend(widget, series.length);
  // Every label while they fit; past a dozen columns the axis thins them (the table keeps them all).
  const interval = across || rows.length <= 12 ? 0 : ('preserveStartEnd' as const);
  const categoryAxis = { dataKey: 'label', type: 'category' as const, tick: { fill: theme.axis, fontSize: theme.fontSize }, tickLine: false, axisLine: { stroke: theme.grid }, interval };
  // Bars across leave their labels the width the longest one needs, within reason.
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const labelWidth = Math.round(Math.min(theme.fontSize * 12, Math.max(theme.fontSize * 3, longest * theme.fontSize * 0.62 + 8)));
  const valueAxis = { type: 'number' as const, domain: valueDomain(widget, points), tickFormatter: compact, tick: { fill: theme.muted, fontSize: theme.fontSize }, tickLine: false, axisLine: false };
  return (
    <ChartFrame testId="widget-bar-chart" height={height} fallback={null}>
      <BarChart
        responsive
        data={rows}
        layout={across ? 'vertical' : 'horizontal'}
        style={{ width: '100%', height }}
        margin={{ top: theme.labelFontSize, right: across ? theme.fontSize * 3 : 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={!across} vertical={across} stroke={theme.grid} />
        {across ? <XAxis {...valueAxis} /> : <XAxis {...categoryAxis} />}
        {across ? <YAxis {...categoryAxis} width={labelWidth} /> : <YAxis {...valueAxis} width={theme.fontSize * 3.5} />}
        {display.variant === 'tv' ? null : <Tooltip formatter={fullValue(display.locale)} cursor={{ fill: theme.cursor }} />}
        {legend ? <Legend wrapperStyle={{ fontSize: theme.fontSize, color: theme.axis }} /> : null}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name || widget.title}
            fill={colors[i]}
            stackId={stacked ? 'stack' : undefined}
            radius={stacked ? 0 : across ? [0, 4, 4, 0] : [4, 4, 0, 0]}
            maxBarSize={64}
            isAnimationActive={display.animate}
            animationDuration={UPDATE_ANIMATION_MS}
          >
            {widget.display?.showDataLabels ? <LabelList dataKey={s.key} position={stacked ? 'center' : across ? 'right' : 'top'} formatter={compact} fill={theme.label} fontSize={theme.labelFontSize} /> : null}
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}
