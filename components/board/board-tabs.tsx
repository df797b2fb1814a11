'use client';

import type { Display } from '@/components/dashboard/display';
import { WidgetGrid } from '@/components/board/widget-grid';
import { missingTabsText, selectBoardTabs } from '@/lib/client/board-tabs';
import type { PublishedBoard, PublishedWidget } from '@/lib/pipeline/board-types';

type BoardTabsProps = { board: PublishedBoard; widgets: readonly PublishedWidget[]; tabs?: readonly number[]; display: Display };

/**
 * A published Twenty dashboard on the page and in an embed: each tab (those `view=tab-N` picks,
 * in that order) as a section under its title, its widgets in Twenty's grid. Keyed by tab and
 * widget id, so a new snapshot changes figures in place.
 */
export function BoardTabs({ board, widgets, tabs: asked, display }: BoardTabsProps) {
  const selection = selectBoardTabs(board, widgets, asked);
  const { tabs, missing } = selection;
  const message = missingTabsText(selection, board.tabs.length);
  return (
    <div className="flex flex-col gap-8" data-testid="board" data-board-id={board.id}>
      {message ? (
        <p role="status" data-testid="board-missing-tabs" data-missing={missing.join(',')} className="text-(length:--pw-small) text-(--pw-muted)">
          {message}
        </p>
      ) : null}
      {tabs.map(({ number, tab, widgets: tabWidgets }) => (
        <section key={tab.id} aria-labelledby={`board-tab-${tab.id}`} data-testid="board-tab" data-tab={number} data-tab-id={tab.id} className="flex flex-col gap-4">
          <h2 id={`board-tab-${tab.id}`} data-testid="board-tab-title" className="text-(length:--pw-card-title) font-semibold tracking-tight text-(--pw-text)">
            {tab.title}
          </h2>
          {tabWidgets.length > 0 ? (
            <WidgetGrid widgets={tabWidgets} display={display} />
          ) : (
            <p className="text-(length:--pw-small) text-(--pw-muted)">This tab has no published widgets.</p>
          )}
        </section>
      ))}
    </div>
  );
}
