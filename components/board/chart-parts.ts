import type { Display } from '@/components/dashboard/display';
import type { PublishedWidget, WidgetPoint } from '@/lib/pipeline/board-types';
import { formatWidgetValue } from '@/lib/client/format';

/** What every widget chart is handed: the widget, its figures (state ok), the look and its height. */
export type WidgetChartProps = { widget: PublishedWidget; points: WidgetPoint[]; display: Display; height: number };

/** Axis ticks and data labels: compact, so "1.2M" fits where "1,234,567" would not. */
export const compactValue = (locale: string) => (value: unknown) => (typeof value === 'number' ? formatWidgetValue(value, locale, 'short') : String(value ?? ''));

/** Tooltips: the whole figure. */
export const fullValue = (locale: string) => (value: unknown) => (typeof value === 'number' ? formatWidgetValue(value, locale, 'full') : String(value ?? ''));

/** Twenty's fixed range when the widget sets one; otherwise from zero (or the lowest negative figure) to the data. */
export function valueDomain(widget: PublishedWidget, points: readonly WidgetPoint[]): [number | 'dataMin', number | 'auto'] {
  const { rangeMin, rangeMax } = widget.display ?? {};
  return [rangeMin ?? (points.some((p) => p.value < 0) ? 'dataMin' : 0), rangeMax ?? 'auto'];
}

/** The legend is Twenty's `displayLegend` (on unless turned off), and only worth drawing for several series. */
export function showsLegend(widget: PublishedWidget, seriesCount: number): boolean {
  return seriesCount > 1 && widget.display?.showLegend !== false;
}
