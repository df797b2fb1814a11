import type { Money, MoneyTotal, OwnerSummary } from '@/lib/pipeline/types';

// The leaderboard as a wall shows it: the first rows of the snapshot's owners (already in
// leaderboard order, lib/pipeline/owners.ts), the rest folded into one "others" row, and "No
// owner" last on its own. Folding adds display-currency micros (one currency) and the
// unconverted amounts per currency: never across currencies. Pure; the browser imports it.

/** Rows readable at 3–5 m on a TV (and kept short on the page). */
export const BOARD_ROWS = 8;

type Counted = MoneyTotal & { count: number };

export type BoardRow = {
  key: string;
  kind: 'owner' | 'others' | 'none';
  /** 1-based place on the board; null for "others" and "No owner". */
  rank: number | null;
  name: string;
  /** How many owners an "others" row folds. */
  owners: number;
  open: Counted;
  won: Counted;
};

function addOther(into: Map<string, bigint>, other: readonly Money[]): void {
  for (const m of other) into.set(m.currencyCode, (into.get(m.currencyCode) ?? 0n) + BigInt(m.amountMicros));
}

function sum(totals: readonly Counted[]): Counted {
  const other = new Map<string, bigint>();
  let amount = 0n;
  for (const t of totals) {
    amount += BigInt(t.amountMicros);
    addOther(other, t.other);
  }
  return {
    currency: totals[0]?.currency ?? '',
    amountMicros: amount.toString(),
    converted: totals.some((t) => t.converted),
    other: [...other.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currencyCode, micros]) => ({ currencyCode, amountMicros: micros.toString() })),
    count: totals.reduce((n, t) => n + t.count, 0),
  };
}

export function leaderboardRows(owners: readonly OwnerSummary[], rows: number = BOARD_ROWS): BoardRow[] {
  const people = owners.filter((o) => o.id !== null);
  const shown = people.slice(0, rows);
  const rest = people.slice(rows);
  const board: BoardRow[] = shown.map((o, i) => ({ key: o.id ?? '', kind: 'owner', rank: i + 1, name: o.name, owners: 1, open: o.open, won: o.won }));
  if (rest.length > 0) {
    board.push({ key: 'others', kind: 'others', rank: null, name: `${rest.length} other${rest.length === 1 ? '' : 's'}`, owners: rest.length, open: sum(rest.map((o) => o.open)), won: sum(rest.map((o) => o.won)) });
  }
  const none = owners.find((o) => o.id === null);
  if (none) board.push({ key: 'none', kind: 'none', rank: null, name: none.name, owners: 0, open: none.open, won: none.won });
  return board;
}
