import '@/components/board/board.css';
import type { CSSProperties } from 'react';
import type { Display } from '@/components/dashboard/display';
import { WidgetCard } from '@/components/board/widget-card';
import { gridExtent } from '@/lib/client/board-tabs';
import type { PublishedWidget } from '@/lib/pipeline/board-types';

/**
 * A tab's widgets where Twenty placed them: its 12-column grid, rows of one unit, counted from the
 * tab's top widget. On the page a row has a fixed height; on the TV the rows share the slide.
 * A narrow page or iframe stacks the widgets in reading order (see board.css).
 */
export function WidgetGrid({ widgets, display }: { widgets: readonly PublishedWidget[]; display: Display }) {
  const { firstRow, rows } = gridExtent(widgets);
  const style = { '--pw-board-rows': rows } as CSSProperties;
  return (
    <div className="pw-board-frame">
      <div className="pw-board-grid" data-testid="widget-grid" style={style}>
        {widgets.map((widget) => {
          const { row, column, rowSpan, columnSpan } = widget.grid;
          const cell = {
            '--pw-row': `${row - firstRow + 1} / span ${rowSpan}`,
            '--pw-col': `${Math.min(column, 11) + 1} / span ${Math.max(1, Math.min(columnSpan, 12 - Math.min(column, 11)))}`,
            '--pw-row-span': rowSpan,
          } as CSSProperties;
          return (
            <div key={widget.id} className="pw-board-cell" style={cell}>
              <WidgetCard widget={widget} display={display} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
