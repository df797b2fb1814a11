import type { Display } from '@/components/dashboard/display';
import type { PublishedWidget, WidgetPoint } from '@/lib/pipeline/board-types';
import { formatWidgetFigure } from '@/lib/client/format';

/** Twenty's aggregate number: one big figure with the widget's prefix and suffix, in the dashboard's locale. */
export function NumberWidget({ widget, points, display }: { widget: PublishedWidget; points: WidgetPoint[]; display: Display }) {
  const point = points[0];
  if (!point) return <p className="pw-widget-message">No figure</p>;
  return (
    <div className="pw-number">
      <p className="pw-number-figure" data-testid="widget-figure" data-value={String(point.value)}>
        {formatWidgetFigure(point.value, display.locale, widget.display)}
      </p>
      {point.label && point.label !== widget.title ? <p className="pw-number-label">{point.label}</p> : null}
    </div>
  );
}
