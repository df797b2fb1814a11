import type { DashboardVariant } from '@/lib/client/view-types';

// Recharts draws SVG attributes, which cannot read CSS variables, so each variant gets its
// chart colours and type sizes as plain values.

export type ChartTheme = {
  axis: string;
  grid: string;
  label: string;
  muted: string;
  cursor: string;
  fontSize: number;
  labelFontSize: number;
};

const LIGHT: ChartTheme = { axis: '#475569', grid: '#e2e8f0', label: '#0f172a', muted: '#64748b', cursor: '#f1f5f9', fontSize: 12, labelFontSize: 12 };
const DARK: ChartTheme = { axis: '#cbd5e1', grid: '#1e293b', label: '#f8fafc', muted: '#94a3b8', cursor: '#1e293b', fontSize: 18, labelFontSize: 18 };

export function chartTheme(variant: DashboardVariant): ChartTheme {
  return variant === 'tv' ? DARK : LIGHT;
}

/** The chart animates only once the data has changed after first paint, briefly. */
export const UPDATE_ANIMATION_MS = 300;
