import { z } from 'zod';

// Twenty 2.21's chart-data queries on /metadata and the answers they give (real-2.21/
// views-dashboards/q3-barChartData-*, charts/ for line and pie). The input is the widget's own
// configuration, sent back as Twenty gave it: Twenty computes the figures, the wall draws them.

export const BAR_CHART_DATA = `query BarChartData($input: BarChartDataInput!) {
  barChartData(input: $input) { data indexBy keys series { key label } xAxisLabel yAxisLabel showLegend showDataLabels layout groupMode hasTooManyGroups formattedToRawLookup }
}`;
export const LINE_CHART_DATA = `query LineChartData($input: LineChartDataInput!) {
  lineChartData(input: $input) { series { key label data { x y } } xAxisLabel yAxisLabel showLegend showDataLabels hasTooManyGroups formattedToRawLookup }
}`;
export const PIE_CHART_DATA = `query PieChartData($input: PieChartDataInput!) {
  pieChartData(input: $input) { data { key value } showLegend showDataLabels showCenterMetric hasTooManyGroups formattedToRawLookup }
}`;

export const barAnswerSchema = z.object({
  barChartData: z.object({
    data: z.array(z.record(z.string(), z.unknown())),
    indexBy: z.string(),
    keys: z.array(z.string()),
    series: z.array(z.object({ key: z.string(), label: z.string() })),
    xAxisLabel: z.string(),
    yAxisLabel: z.string(),
    showLegend: z.boolean(),
    showDataLabels: z.boolean(),
    layout: z.enum(['VERTICAL', 'HORIZONTAL']),
    groupMode: z.enum(['STACKED', 'GROUPED']),
    hasTooManyGroups: z.boolean(),
  }),
});

export const lineAnswerSchema = z.object({
  lineChartData: z.object({
    series: z.array(z.object({ key: z.string(), label: z.string(), data: z.array(z.object({ x: z.string(), y: z.number() })) })),
    xAxisLabel: z.string(),
    yAxisLabel: z.string(),
    showLegend: z.boolean(),
    showDataLabels: z.boolean(),
    hasTooManyGroups: z.boolean(),
  }),
});

export const pieAnswerSchema = z.object({
  pieChartData: z.object({
    data: z.array(z.object({ key: z.string(), value: z.number() })),
    showLegend: z.boolean(),
    showDataLabels: z.boolean(),
    showCenterMetric: z.boolean(),
    hasTooManyGroups: z.boolean(),
  }),
});

export type BarAnswer = z.infer<typeof barAnswerSchema>['barChartData'];
export type LineAnswer = z.infer<typeof lineAnswerSchema>['lineChartData'];
export type PieAnswer = z.infer<typeof pieAnswerSchema>['pieChartData'];
