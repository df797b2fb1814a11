import type { WidgetPoint } from '@/lib/pipeline/board-types';

// Twenty's points as rows a recharts chart draws: one row per label, one column per series. The
// order is Twenty's (first appearance), never re-sorted. Series get positional keys because a
// series name ("a.b", "Not Set") is not a safe data key.

export type SeriesRow = { label: string } & Record<string, number | string>;

export type ChartSeries = {
  rows: SeriesRow[];
  /** Each series' data key and its name ('' for a chart without a secondary axis). */
  series: { key: string; name: string }[];
};

export function toChartSeries(points: readonly WidgetPoint[]): ChartSeries {
  const names: string[] = [];
  const rows: SeriesRow[] = [];
  const rowOf = new Map<string, SeriesRow>();
  for (const point of points) {
    const name = point.series ?? '';
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    let row = rowOf.get(point.label);
    if (!row) {
      row = { label: point.label };
      rowOf.set(point.label, row);
      rows.push(row);
    }
    row[`s${index}`] = point.value;
  }
  // Twenty omits a label's empty groups; a missing cell is drawn as zero, not as a gap.
  for (const row of rows) for (let i = 0; i < names.length; i += 1) row[`s${i}`] ??= 0;
  return { rows, series: names.map((name, i) => ({ key: `s${i}`, name })) };
}

/** A pie's or a number's total, the figure Twenty puts in a pie's centre. */
export function totalOf(points: readonly WidgetPoint[]): number {
  return points.reduce((sum, p) => sum + p.value, 0);
}
