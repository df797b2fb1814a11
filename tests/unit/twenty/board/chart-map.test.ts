import { describe, expect, it } from 'vitest';
import { barAnswerSchema } from '@/lib/twenty/board/chart-answers';
import { mapBarChart } from '@/lib/twenty/board/chart-map';
import { read, sentConfiguration } from './captured-board';

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
