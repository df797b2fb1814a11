import type { PublishedBoard, PublishedTab, PublishedWidget } from '@/lib/pipeline/board-types';

// Which tabs of a published Twenty dashboard a surface shows, from the live snapshot: the layout
// is re-read while it is on screen, so tabs can come and go under a fixed `view=tab-N`.

export type BoardTab = {
  /** 1-based position in the board's tab order: what `view=tab-N` and a widget's `tab` name. */
  number: number;
  tab: PublishedTab;
  /** The tab's widgets in reading order (top to bottom, left to right). */
  widgets: PublishedWidget[];
};

export type TabSelection = { tabs: BoardTab[]; missing: number[] };

const byPosition = (a: PublishedWidget, b: PublishedWidget) => a.grid.row - b.grid.row || a.grid.column - b.grid.column;

/** The tabs asked for (`view=tab-2,tab-1`: those, in that order), or every tab in the board's order. */
export function selectBoardTabs(board: PublishedBoard, widgets: readonly PublishedWidget[], asked?: readonly number[]): TabSelection {
  const numbers = asked ?? board.tabs.map((_, i) => i + 1);
  const tabs: BoardTab[] = [];
  const missing: number[] = [];
  for (const number of numbers) {
    const tab = board.tabs[number - 1];
    if (!tab) missing.push(number);
    else tabs.push({ number, tab, widgets: widgets.filter((w) => w.tab === number).sort(byPosition) });
  }
  return { tabs, missing };
}

/** The rows a tab's widgets occupy, counted from its top widget (empty rows above it dropped). */
export function gridExtent(widgets: readonly PublishedWidget[]): { firstRow: number; rows: number } {
  if (widgets.length === 0) return { firstRow: 0, rows: 0 };
  const firstRow = Math.min(...widgets.map((w) => w.grid.row));
  const lastRow = Math.max(...widgets.map((w) => w.grid.row + w.grid.rowSpan));
  return { firstRow, rows: lastRow - firstRow };
}

/** "tab-3" or "tab-3 and tab-5": how a message names tabs the board does not have. */
export function tabNames(numbers: readonly number[]): string {
  const names = numbers.map((n) => `tab-${n}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The short message for tabs a link asks for that the board does not have (none when all exist). */
export function missingTabsText(selection: TabSelection, tabCount: number): string | undefined {
  const { tabs, missing } = selection;
  if (missing.length === 0) return undefined;
  const names = tabNames(missing);
  const verb = missing.length === 1 ? 'is' : 'are';
  if (tabs.length > 0) return `${names} ${verb} not on this Twenty dashboard, so ${missing.length === 1 ? 'it is' : 'they are'} left out.`;
  return `This link asks for ${names}, but this Twenty dashboard has ${tabCount === 0 ? 'no tabs' : tabCount === 1 ? 'only tab-1' : `tab-1 to tab-${tabCount}`}.`;
}
