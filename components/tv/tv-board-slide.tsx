'use client';

import type { Display } from '@/components/dashboard/display';
import { WidgetGrid } from '@/components/board/widget-grid';
import type { TabSlide } from '@/components/tv/rotation';
import { missingTabsText, selectBoardTabs } from '@/lib/client/board-tabs';
import type { Snapshot } from '@/lib/pipeline/types';

/** One tab of a published Twenty dashboard as a TV slide: its title, its widgets filling the screen in Twenty's grid. */
export function TvBoardSlide({ slide, snapshot, display }: { slide: TabSlide; snapshot: Snapshot; display: Display }) {
  const board = snapshot.board;
  const shown = board ? selectBoardTabs(board, snapshot.widgets ?? [], [slide.tab]).tabs[0] : undefined;
  return (
    <section className="tv-board" aria-labelledby="tv-slide-title" data-testid="tv-board-slide" data-tab={slide.tab}>
      <header className="tv-panel-head">
        <h2 id="tv-slide-title" className="tv-panel-title" data-testid="tv-slide-title">
          {shown?.tab.title ?? slide.title}
        </h2>
      </header>
      {shown && shown.widgets.length > 0 ? <WidgetGrid widgets={shown.widgets} display={display} /> : <p className="tv-panel-note">This tab has no published widgets.</p>}
    </section>
  );
}

/** A board TV whose `view=tab-N` names no tab the board has: says so rather than a blank screen. */
export function TvBoardMissing({ snapshot, tabs }: { snapshot: Snapshot; tabs: readonly number[] }) {
  const board = snapshot.board;
  const text = board ? missingTabsText(selectBoardTabs(board, snapshot.widgets ?? [], tabs), board.tabs.length) : undefined;
  return (
    <div className="tv-notice" data-testid="board-missing-tabs" data-missing={tabs.join(',')}>
      <p className="tv-panel-note">{text ?? 'This Twenty dashboard has no tabs to show.'}</p>
    </div>
  );
}
