import type { Snapshot, TickerItem } from '@/lib/pipeline/types';

// Finds deals won since the screen last looked, for the TV's celebration. Wins already on the
// ticker when the screen starts are history, not news: they are marked seen without a party.

const SEEN_LIMIT = 200;

export function wonItemsOf(snapshot: Pick<Snapshot, 'ticker'>): TickerItem[] {
  return (snapshot.ticker ?? []).filter((item) => item.kind === 'won');
}

/** The new wins (oldest first) and the updated seen-set, bounded so a tab running for weeks stays small. */
export function takeNewWins(seen: readonly string[], snapshot: Pick<Snapshot, 'ticker'>): { fresh: TickerItem[]; seen: string[] } {
  const known = new Set(seen);
  const fresh = wonItemsOf(snapshot)
    .filter((item) => !known.has(item.id))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const next = [...seen, ...fresh.map((item) => item.id)];
  return { fresh, seen: next.slice(Math.max(0, next.length - SEEN_LIMIT)) };
}
