import type { TickerItem } from '@/lib/pipeline/types';

// Which ticker lines arrived while the page was open. Lines already there when the page loaded
// are history: they neither slide in nor set off a celebration.

export function isFresh(item: TickerItem, known: ReadonlySet<string>): boolean {
  return !known.has(item.id);
}

/** The newest win that arrived while the page was open, if any (items come newest first). */
export function latestFreshWin(items: readonly TickerItem[], known: ReadonlySet<string>): TickerItem | null {
  return items.find((item) => item.kind === 'won' && isFresh(item, known)) ?? null;
}
