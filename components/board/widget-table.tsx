import type { PublishedWidget } from '@/lib/pipeline/board-types';
import { formatWidgetValue } from '@/lib/client/format';

/**
 * A widget's figures as text: the chart's alternative for screen readers, and what the tests read.
 * Every row carries Twenty's raw figure in `data-value`, its label and series, in Twenty's order.
 */
export function WidgetTable({ widget, locale }: { widget: PublishedWidget; locale: string }) {
  const points = widget.points ?? [];
  const hasSeries = points.some((p) => p.series !== undefined);
  return (
    <div className="sr-only">
      <table data-testid="widget-table" data-widget-id={widget.id}>
        <caption>
          {widget.title}
          {widget.amount ? ' (amounts as computed by Twenty)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{widget.kind === 'number' ? 'Figure' : 'Group'}</th>
            {hasSeries ? <th scope="col">Series</th> : null}
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.label}|${p.series ?? ''}|${i}`} data-testid="widget-point" data-label={p.label} data-series={p.series ?? ''} data-value={String(p.value)}>
              <th scope="row">{p.label}</th>
              {hasSeries ? <td>{p.series ?? ''}</td> : null}
              <td>{formatWidgetValue(p.value, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
