import type { ChartTheme } from '@/components/charts/chart-theme';

// Server-drawable stand-ins for the recharts charts: the same bars, colours and labels in plain
// HTML. They only need to look like the chart about to appear, not match it to the pixel.

export type FallbackBar = {
  key: string;
  label: string;
  /** A second, muted line under the label (deal count, year). */
  detail?: string;
  /** Printed on the bar's end (amount); empty prints nothing. */
  valueLabel: string;
  /** Bar length from 0 to 1. */
  fraction: number;
  color: string;
};

const clampFraction = (f: number) => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);

/** Upright bars on a baseline with their value above and the label under them. */
export function ColumnBars({ bars, theme, maxBarWidth }: { bars: FallbackBar[]; theme: ChartTheme; maxBarWidth: number }) {
  const labelRows = theme.fontSize * 2 + 16;
  // Percent gaps add up: twelve months need a narrow one or the columns collapse to nothing.
  const gap = { columnGap: bars.length > 6 ? '1.5%' : '8%' };
  return (
    <div className="flex h-full flex-col px-2" style={{ paddingTop: theme.labelFontSize + 12, fontSize: theme.fontSize }}>
      <div className="flex min-h-0 flex-1 items-end border-b px-[3%]" style={{ ...gap, borderColor: theme.grid }}>
        {bars.map((bar) => (
          <div key={bar.key} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end">
            <span className="mb-1 font-semibold whitespace-nowrap" style={{ color: theme.label, fontSize: theme.labelFontSize }}>
              {bar.valueLabel}
            </span>
            <div
              className="pw-fallback-bar w-full rounded-t-md"
              style={{ height: `${clampFraction(bar.fraction) * 85}%`, maxWidth: maxBarWidth, backgroundColor: bar.color, minHeight: bar.fraction > 0 ? 2 : 0 }}
            />
          </div>
        ))}
      </div>
      <div className="flex px-[3%] pt-1 text-center" style={{ ...gap, height: labelRows }}>
        {bars.map((bar) => (
          <div key={bar.key} className="flex min-w-0 flex-1 flex-col leading-tight">
            <span className="truncate font-semibold" style={{ color: theme.label }}>
              {bar.label}
            </span>
            {bar.detail ? (
              <span className="truncate" style={{ color: theme.muted }}>
                {bar.detail}
              </span>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Centred horizontal bars, widest stage first: the funnel's shape, label left, summary right. */
export function FunnelBars({ bars, theme }: { bars: FallbackBar[]; theme: ChartTheme }) {
  const labelWidth = Math.round(theme.fontSize * 7.5);
  return (
    <div className="flex h-full flex-col justify-around gap-[3%] pr-2" style={{ fontSize: theme.fontSize }}>
      {bars.map((bar) => (
        <div key={bar.key} className="flex min-h-0 flex-1 items-center">
          <span className="shrink-0 truncate pr-2 text-right font-semibold" style={{ width: labelWidth, color: theme.label }}>
            {bar.label}
          </span>
          <div className="flex h-full flex-1 items-center justify-center">
            <div className="pw-fallback-bar h-4/5 rounded" style={{ width: `${clampFraction(bar.fraction) * 100}%`, minWidth: 2, backgroundColor: bar.color }} />
          </div>
          <span className="shrink-0 truncate pl-2" style={{ width: labelWidth + 8, color: theme.muted }}>
            {bar.valueLabel}
          </span>
        </div>
      ))}
    </div>
  );
}
