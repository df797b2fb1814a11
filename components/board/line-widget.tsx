'use client';

import { Area, CartesianGrid, ComposedChart, LabelList, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { widgetColors } from '@/components/board/widget-colors';
import { compactValue, fullValue, showsLegend, valueDomain, type WidgetChartProps } from '@/components/board/chart-parts';
import { toChartSeries } from '@/lib/client/board-series';

/**
 * Twenty's line chart: one line per series over the labels in Twenty's order (date buckets as
 * Twenty formatted them). Stacked series are drawn as stacked areas, as Twenty draws them; a
 * cumulative chart arrives already accumulated by Twenty.
 */
export function LineWidget({ widget, points, display, height }: WidgetChartProps) {
  const theme = chartTheme(display.variant);
  const { rows, series } = toChartSeries(points);
  const colors = widgetColors(widget.display?.color, series.length);
  const stacked = widget.display?.stacked === true && series.length > 1;
  const compact = compactValue(display.locale);
  const strokeWidth = display.variant === 'tv' ? 3 : 2;
  return (
    <ChartFrame testId="widget-line-chart" height={height} fallback={null}>
      <ComposedChart responsive data={rows} style={{ width: '100%', height }} margin={{ top: theme.labelFontSize, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="label" tick={{ fill: theme.axis, fontSize: theme.fontSize }} tickLine={false} axisLine={{ stroke: theme.grid }} minTickGap={theme.fontSize} />
        <YAxis domain={valueDomain(widget, points)} tickFormatter={compact} tick={{ fill: theme.muted, fontSize: theme.fontSize }} tickLine={false} axisLine={false} width={theme.fontSize * 3.5} />
        {display.variant === 'tv' ? null : <Tooltip formatter={fullValue(display.locale)} />}
        {showsLegend(widget, series.length) ? <Legend wrapperStyle={{ fontSize: theme.fontSize, color: theme.axis }} /> : null}
        {series.map((s, i) => {
          const common = { dataKey: s.key, name: s.name || widget.title, stroke: colors[i], strokeWidth, isAnimationActive: display.animate, animationDuration: UPDATE_ANIMATION_MS };
          const labels = widget.display?.showDataLabels ? <LabelList dataKey={s.key} position="top" formatter={compact} fill={theme.label} fontSize={theme.labelFontSize} /> : null;
          return stacked ? (
            <Area key={s.key} {...common} type="monotone" stackId="stack" fill={colors[i]} fillOpacity={0.35}>
              {labels}
            </Area>
          ) : (
            <Line key={s.key} {...common} type="monotone" dot={rows.length <= 31 ? { r: strokeWidth + 1, fill: colors[i] } : false}>
              {labels}
            </Line>
          );
        })}
      </ComposedChart>
    </ChartFrame>
  );
}
