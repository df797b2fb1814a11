import type { WidgetDisplay, WidgetPoint } from '@/lib/pipeline/board-types';
import type { WidgetConfiguration } from '@/lib/twenty/board/layout-schema';
import type { BarAnswer, LineAnswer, PieAnswer } from '@/lib/twenty/board/chart-answers';

// Twenty's chart-data answers as the wall's widget points, in Twenty's order, values untouched:
// - bar: one point per row of `data` and key of `keys` the row has (`indexBy` names the label);
// - line: one point per series and data point (`x` is the label);
// - pie: one point per slice.
// A secondary axis (bar, line) names each point's series by the series' label. Pure.

export type MappedChart = { points: WidgetPoint[]; hasTooManyGroups: boolean; display: WidgetDisplay };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Drops undefined keys, so the JSON carries only what the configuration says. */
function compact(display: WidgetDisplay): WidgetDisplay {
  return Object.fromEntries(Object.entries(display).filter(([, v]) => v !== undefined)) as WidgetDisplay;
}

/** Axis names as the configuration's `axisNameDisplay` shows them (NONE, X, Y, BOTH). */
function axisNames(config: WidgetConfiguration, answer: { xAxisLabel: string; yAxisLabel: string }): WidgetDisplay {
  const shown = text(config.axisNameDisplay) ?? 'NONE';
  return {
    xAxisLabel: shown === 'X' || shown === 'BOTH' ? text(answer.xAxisLabel) : undefined,
    yAxisLabel: shown === 'Y' || shown === 'BOTH' ? text(answer.yAxisLabel) : undefined,
  };
}

const hasSecondaryAxis = (config: WidgetConfiguration) => text(config.secondaryAxisGroupByFieldMetadataId) !== undefined;

/** What bar and line charts share: colour, legend, data labels, axis names, a fixed range. */
function axisChartDisplay(config: WidgetConfiguration, answer: BarAnswer | LineAnswer): WidgetDisplay {
  return {
    color: text(config.color),
    showLegend: answer.showLegend,
    showDataLabels: answer.showDataLabels,
    ...axisNames(config, answer),
    rangeMin: finite(config.rangeMin),
    rangeMax: finite(config.rangeMax),
  };
}

export function mapBarChart(answer: BarAnswer, config: WidgetConfiguration): MappedChart {
  const seriesLabel = new Map(answer.series.map((s) => [s.key, s.label]));
  const withSeries = hasSecondaryAxis(config);
  const points = answer.data.flatMap((row) => {
    const label = String(row[answer.indexBy] ?? '');
    return answer.keys.flatMap((key) => {
      const value = finite(row[key]);
      if (value === undefined) return [];
      return [withSeries ? { label, value, series: seriesLabel.get(key) ?? key } : { label, value }];
    });
  });
  return {
    points,
    hasTooManyGroups: answer.hasTooManyGroups,
    display: compact({
      layout: answer.layout === 'HORIZONTAL' ? 'horizontal' : 'vertical',
      groupMode: withSeries ? (answer.groupMode === 'STACKED' ? 'stacked' : 'grouped') : undefined,
      cumulative: flag(config.isCumulative) || undefined,
      ...axisChartDisplay(config, answer),
    }),
  };
}

export function mapLineChart(answer: LineAnswer, config: WidgetConfiguration): MappedChart {
  const withSeries = hasSecondaryAxis(config);
  const points = answer.series.flatMap((series) =>
    series.data.map((point) => (withSeries ? { label: point.x, value: point.y, series: series.label } : { label: point.x, value: point.y })),
  );
  return {
    points,
    hasTooManyGroups: answer.hasTooManyGroups,
    display: compact({
      stacked: flag(config.isStacked) || undefined,
      cumulative: flag(config.isCumulative) || undefined,
      ...axisChartDisplay(config, answer),
    }),
  };
}

export function mapPieChart(answer: PieAnswer, config: WidgetConfiguration): MappedChart {
  return {
    points: answer.data.map((slice) => ({ label: slice.key, value: slice.value })),
    hasTooManyGroups: answer.hasTooManyGroups,
    display: compact({
      color: text(config.color),
      showLegend: answer.showLegend,
      showDataLabels: answer.showDataLabels,
      showCenterMetric: answer.showCenterMetric,
    }),
  };
}
