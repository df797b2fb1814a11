'use client';

import { Cell, Pie, PieChart, Tooltip } from 'recharts';
import { chartTheme, UPDATE_ANIMATION_MS } from '@/components/charts/chart-theme';
import { ChartFrame } from '@/components/charts/chart-frame';
import { widgetColors } from '@/components/board/widget-colors';
import { compactValue, fullValue, type WidgetChartProps } from '@/components/board/chart-parts';
import { totalOf } from '@/lib/client/board-series';
import { formatWidgetValue } from '@/lib/client/format';

/** Twenty's pie: one slice per label in Twenty's order, a legend beside it, the total in the centre when asked. */
export function PieWidget({ widget, points, display, height }: WidgetChartProps) {
  const theme = chartTheme(display.variant);
  const colors = widgetColors(widget.display?.color, points.length);
  const data = points.map((p, i) => ({ key: `${i}`, label: p.label, value: p.value }));
  const compact = compactValue(display.locale);
  const total = totalOf(points);
  const legend = widget.display?.showLegend !== false;
  return (
    <div className="pw-pie" style={{ height, fontSize: theme.fontSize }}>
      <div className="pw-pie-chart">
        <ChartFrame testId="widget-pie-chart" height={height} fallback={null}>
          <PieChart responsive style={{ width: '100%', height }} accessibilityLayer={false}>
            {display.variant === 'tv' ? null : <Tooltip formatter={fullValue(display.locale)} />}
            <Pie
              data={data}
              dataKey="value"
              nameKey="label"
              innerRadius="58%"
              outerRadius="88%"
              paddingAngle={data.length > 1 ? 1 : 0}
              stroke="none"
              label={widget.display?.showDataLabels ? ({ value }: { value?: unknown }) => compact(value) : false}
              labelLine={false}
              isAnimationActive={display.animate}
              animationDuration={UPDATE_ANIMATION_MS}
            >
              {data.map((d, i) => (
                <Cell key={d.key} fill={colors[i]} />
              ))}
            </Pie>
          </PieChart>
        </ChartFrame>
        {widget.display?.showCenterMetric ? (
          <p className="pw-pie-total" data-testid="widget-total" data-value={String(total)} style={{ fontSize: theme.fontSize * 2 }}>
            {formatWidgetValue(total, display.locale, 'short')}
          </p>
        ) : null}
      </div>
      {legend ? (
        <ul className="pw-pie-legend" aria-hidden="true">
          {data.map((d, i) => (
            <li key={d.key}>
              <i style={{ backgroundColor: colors[i] }} />
              <span className="pw-pie-legend-label">{d.label}</span>
              <span className="pw-pie-legend-value">{compact(d.value)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
