// A published Twenty widget's figures. They are Twenty's numbers (counts, sums, averages; amounts
// already in currency units as Twenty summed them), never our money: no currency symbol, no micros.
// `short` is Twenty's SHORT number format (compact: 1.2K, 3.4M), `full` every integer digit.

export type WidgetNumberStyle = 'short' | 'full';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, style: WidgetNumberStyle): Intl.NumberFormat {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Averages can carry fractions; two decimals is what a reader can use (the raw figure stays in data-value).
    formatter = new Intl.NumberFormat(locale, style === 'short' ? { notation: 'compact', maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatWidgetValue(value: number, locale: string, style: WidgetNumberStyle = 'full'): string {
  if (!Number.isFinite(value)) return '—';
  return formatterFor(locale, style).format(value);
}

/** A number widget's figure as Twenty composes it: its prefix, the number, its suffix. */
export function formatWidgetFigure(value: number, locale: string, display: { numberFormat?: WidgetNumberStyle; prefix?: string; suffix?: string } = {}): string {
  return `${display.prefix ?? ''}${formatWidgetValue(value, locale, display.numberFormat ?? 'full')}${display.suffix ?? ''}`;
}
