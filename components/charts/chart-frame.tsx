import '@/components/charts/charts.css';
import type { ReactNode } from 'react';

type ChartFrameProps = { testId: string; height: number; fallback: ReactNode | null; children: ReactNode };

/**
 * A chart's fixed-height box. `fallback` is drawn under the chart until recharts has drawn its
 * SVG (see charts.css); the chart itself stays mounted across updates, so bars move in place.
 */
export function ChartFrame({ testId, height, fallback, children }: ChartFrameProps) {
  return (
    <div data-testid={testId} aria-hidden="true" className="pw-chart" style={{ height }}>
      {fallback ? (
        <div className="pw-chart-fallback" data-testid={`${testId}-fallback`}>
          {fallback}
        </div>
      ) : null}
      {children}
    </div>
  );
}
