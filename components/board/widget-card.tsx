'use client';

import type { ReactNode } from 'react';
import type { Display } from '@/components/dashboard/display';
import { FitBox } from '@/components/board/fit-box';
import { ScaledChart } from '@/components/tv/scaled-chart';
import { BarWidget } from '@/components/board/bar-widget';
import { LineWidget } from '@/components/board/line-widget';
import { PieWidget } from '@/components/board/pie-widget';
import { NumberWidget } from '@/components/board/number-widget';
import { WidgetTable } from '@/components/board/widget-table';
import type { PublishedWidget, WidgetPoint } from '@/lib/pipeline/board-types';

const STATE_TEXT = {
  not_shared: 'Not shared with this wall',
  unavailable: 'Twenty could not compute this widget right now',
} as const;

function Chart({ widget, points, display }: { widget: PublishedWidget; points: WidgetPoint[]; display: Display }) {
  if (widget.kind === 'number') return <NumberWidget widget={widget} points={points} display={display} />;
  if (points.length === 0) return <p className="pw-widget-message">No data</p>;
  const draw = (height: number): ReactNode => {
    const props = { widget, points, display, height };
    if (widget.kind === 'bar') return <BarWidget {...props} />;
    if (widget.kind === 'line') return <LineWidget {...props} />;
    return <PieWidget {...props} />;
  };
  // The TV draws charts small and scales them up to its type size (1080p and 4K alike).
  return display.variant === 'tv' ? <ScaledChart>{draw}</ScaledChart> : <FitBox>{draw}</FitBox>;
}

/**
 * One published widget in its grid cell: its title, Twenty's caveats, then its chart and the same
 * figures as a table, or, for a widget the wall may not or could not read, its state in words.
 */
export function WidgetCard({ widget, display }: { widget: PublishedWidget; display: Display }) {
  const headingId = `widget-${widget.id}-title`;
  const points = widget.state === 'ok' ? (widget.points ?? []) : [];
  return (
    <section
      aria-labelledby={headingId}
      className="pw-widget"
      data-testid={`widget-${widget.id}`}
      data-widget-id={widget.id}
      data-kind={widget.kind}
      data-state={widget.state}
      data-tab={widget.tab}
    >
      <header className="pw-widget-head">
        <h3 id={headingId} className="pw-widget-title" title={widget.title}>
          {widget.title}
        </h3>
        {widget.amount && widget.state === 'ok' ? (
          <p className="pw-widget-caption" data-testid="widget-amount-note">
            as computed by Twenty
          </p>
        ) : null}
      </header>
      {widget.state === 'ok' ? (
        <>
          <div className="pw-widget-body">
            <Chart widget={widget} points={points} display={display} />
          </div>
          {widget.hasTooManyGroups ? (
            <p className="pw-widget-note" data-testid="widget-too-many-groups">
              Twenty has more groups than it returned
            </p>
          ) : null}
          <WidgetTable widget={widget} locale={display.locale} />
        </>
      ) : (
        <p className="pw-widget-message" data-testid={`widget-${widget.state.replace('_', '-')}`}>
          {STATE_TEXT[widget.state]}
        </p>
      )}
    </section>
  );
}
