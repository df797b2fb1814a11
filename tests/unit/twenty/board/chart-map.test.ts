import { describe, expect, it } from 'vitest';
import { barAnswerSchema, lineAnswerSchema, pieAnswerSchema } from '@/lib/twenty/board/chart-answers';
import { mapBarChart, mapLineChart, mapPieChart } from '@/lib/twenty/board/chart-map';
import { readFixture } from '@/tests/unit/twenty/helpers/fixtures';
import { read, sentConfiguration } from './captured-board';

// Line and pie: real-2.21/charts/ (second capture run, same server): request {input: {configuration}}.
type ChartCapture = { request: { body: { variables: { input: { configuration: Record<string, unknown> } } } }; response: { body: { data: unknown } } };
const chart = (file: string) => readFixture(`real-2.21/charts/${file}`) as ChartCapture;
const configOf = (file: string) => chart(file).request.body.variables.input.configuration;

const barOf = (file: string) => barAnswerSchema.parse(read(file).response.body.data).barChartData;

describe('bar chart data → widget points (captured real 2.21 answers)', () => {
  it('a stage bar chart with a widget filter: one point per stage, zeros included, in option order, amounts in units as Twenty gave them', () => {
    const file = 'q3-barChartData-new-widget-with-filter-readonly-key.json';
    const chart = mapBarChart(barOf(file), sentConfiguration(file));
    expect(chart.points).toEqual([
      { label: 'New', value: 0 },
      { label: 'Screening', value: 0 },
      { label: 'Meeting', value: 0 },
      { label: 'Proposal', value: 17400000 },
      { label: 'Customer', value: 3600000 },
    ]);
    expect(chart.hasTooManyGroups).toBe(false);
    expect(chart.display).toMatchObject({ layout: 'vertical', showDataLabels: true, showLegend: true, color: 'auto' });
    // axisNameDisplay NONE: Twenty shows no axis names
    expect(chart.display.xAxisLabel).toBeUndefined();
    expect(chart.display.groupMode).toBeUndefined();
  });

  it('"Opportunities by Owner": horizontal, each owner its own series (the secondary axis is the owner again), "Not Set" as Twenty names no owner', () => {
    const file = 'q3-barChartData-opportunities-by-owner-readonly-key.json';
    const chart = mapBarChart(barOf(file), sentConfiguration(file));
    expect(chart.points).toEqual([
      { label: 'Not Set', value: 310, series: 'Not Set' },
      { label: 'Tim', value: 150, series: 'Tim' },
    ]);
    expect(chart.display).toMatchObject({ layout: 'horizontal', groupMode: 'grouped', color: 'blue', showDataLabels: false });
  });

  it('a secondary axis by company: every row × key Twenty sent, zeros kept, series named by their labels', () => {
    const file = 'q3-barChartData-pipeline-value-by-stage-readonly-key.json';
    const answer = barOf(file);
    const chart = mapBarChart(answer, sentConfiguration(file));
    expect(chart.points).toHaveLength(answer.data.length * answer.keys.length);
    expect(chart.points[0]).toEqual({ label: 'New', value: 0, series: 'Akamai Technologies' });
    expect(chart.points).toContainEqual({ label: 'New', value: 3200000, series: 'Microsoft' });
    expect(new Set(chart.points.map((p) => p.label))).toEqual(new Set(answer.data.map((row) => row[answer.indexBy])));
    expect(chart.hasTooManyGroups).toBe(answer.hasTooManyGroups);
  });
});

describe('line chart data → widget points (captured real 2.21 answers)', () => {
  it('the seed "Revenue Timeline": one series, x as Twenty formats the day, zero days kept, in Twenty\'s order', () => {
    const file = 'seed-line-revenue-timeline-readonly-key.json';
    const answer = lineAnswerSchema.parse(chart(file).response.body.data).lineChartData;
    const mapped = mapLineChart(answer, configOf(file));
    expect(mapped.points.slice(0, 3)).toEqual([
      { label: 'Dec 2, 2026', value: 95000 },
      { label: 'Dec 3, 2026', value: 2060000 },
      { label: 'Dec 4, 2026', value: 240000 },
    ]);
    expect(mapped.points).toContainEqual({ label: 'Dec 7, 2026', value: 0 });
    expect(mapped.points).toHaveLength(answer.series[0]?.data.length ?? -1);
    expect(mapped.display).toMatchObject({ color: 'crimson' });
  });

  it('a secondary axis by stage, stacked: one series per stage label, every month of each', () => {
    const file = 'line-closeDate-month-stage-secondary-stacked-readonly-key.json';
    const answer = lineAnswerSchema.parse(chart(file).response.body.data).lineChartData;
    const mapped = mapLineChart(answer, configOf(file));
    expect([...new Set(mapped.points.map((p) => p.series))]).toEqual(answer.series.map((s) => s.label));
    expect(mapped.points).toContainEqual({ label: 'December 2026', value: 8340000, series: 'New' });
    expect(mapped.points).toHaveLength(answer.series.reduce((n, s) => n + s.data.length, 0));
    expect(mapped.display.stacked).toBe(true);
  });
});

describe('pie chart data → widget points (captured real 2.21 answers)', () => {
  it('deals by stage in option order, labels as Twenty shows them', () => {
    const file = 'pie-stage-count-field-position-asc-readonly-key.json';
    const mapped = mapPieChart(pieAnswerSchema.parse(chart(file).response.body.data).pieChartData, configOf(file));
    expect(mapped.points).toEqual([
      { label: 'New', value: 32 },
      { label: 'Screening', value: 24 },
      { label: 'Meeting', value: 37 },
      { label: 'Proposal', value: 40 },
      { label: 'Customer', value: 22 },
    ]);
    expect(mapped.display).toMatchObject({ showCenterMetric: true });
  });

  it('the seed "Deals by Company": every slice Twenty gave, and its hasTooManyGroups', () => {
    const file = 'seed-pie-deals-by-company-readonly-key.json';
    const answer = pieAnswerSchema.parse(chart(file).response.body.data).pieChartData;
    const mapped = mapPieChart(answer, configOf(file));
    expect(mapped.points).toHaveLength(answer.data.length);
    expect(mapped.points[0]).toEqual({ label: '[24]7.ai', value: 2 });
    expect(mapped.hasTooManyGroups).toBe(answer.hasTooManyGroups);
  });
});
