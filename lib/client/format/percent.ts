const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A percentage the server computed to one decimal (goal, win rate, funnel), as the locale writes
 * one: "66.7%", "66,7 %". Always one decimal, so 50 shows as "50.0%", the figure the JSON means.
 */
export function formatPercent(percent: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    formatters.set(locale, formatter);
  }
  return formatter.format(percent);
}

/** Where a progress bar stops: 0 to 100, whatever the percentage (a goal can be exceeded). */
export function barPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
