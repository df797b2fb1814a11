'use client';

import { useEffect, useState } from 'react';
import { takeNewWins } from '@/components/tv/won-items';
import type { Snapshot, TickerItem } from '@/lib/pipeline/types';
import { formatMoney } from '@/lib/client/format';

const SHOW_MS = 7_000;
const CONFETTI_COLORS = ['#34d399', '#fbbf24', '#a5b4fc', '#f472b6', '#38bdf8', '#f8fafc'];

type State = { tickerKey: string; seen: string[]; queue: TickerItem[] };

function tickerKeyOf(snapshot: Snapshot): string {
  return (snapshot.ticker ?? []).map((item) => item.id).join(',');
}

/** The win to celebrate now, if any: each new 'won' ticker item once, one after another. */
export function useWonCelebration(snapshot: Snapshot): TickerItem | null {
  const [state, setState] = useState<State>(() => ({ tickerKey: tickerKeyOf(snapshot), seen: takeNewWins([], snapshot).seen, queue: [] }));
  const tickerKey = tickerKeyOf(snapshot);
  if (tickerKey !== state.tickerKey) {
    const { fresh, seen } = takeNewWins(state.seen, snapshot);
    // At most a few queued: a burst of wins gets a short party, not an afternoon of one.
    setState({ tickerKey, seen, queue: [...state.queue, ...fresh].slice(-3) });
  }
  const current = state.queue[0] ?? null;
  useEffect(() => {
    if (!current) return;
    const timer = window.setTimeout(() => setState((s) => ({ ...s, queue: s.queue.slice(1) })), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [current]);
  return current;
}

export function Celebration({ item, locale }: { item: TickerItem; locale: string }) {
  const amount = item.amountMicros && item.currencyCode ? formatMoney(item.amountMicros, item.currencyCode, locale, { compact: true }) : null;
  return (
    <div className="tv-celebration" role="status" data-testid="tv-celebration" key={item.id}>
      <div className="tv-confetti" aria-hidden="true">
        {Array.from({ length: 28 }, (_, i) => (
          <i
            key={i}
            style={{
              left: `${(i * 37) % 100}%`,
              backgroundColor: CONFETTI_COLORS[i % CONFETTI_COLORS.length],
              animationDelay: `${(i % 7) * 0.18}s`,
            }}
          />
        ))}
      </div>
      <div className="tv-celebration-card">
        <p className="tv-celebration-kicker">Deal won</p>
        {amount ? <p className="tv-celebration-amount">{amount}</p> : null}
        {item.dealName ? <p className="tv-celebration-name">{item.dealName}</p> : null}
        {item.toLabel ? <p className="tv-panel-note">moved to {item.toLabel}</p> : null}
      </div>
    </div>
  );
}
