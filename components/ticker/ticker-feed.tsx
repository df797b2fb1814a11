'use client';

import '@/components/ticker/ticker.css';
import { useState } from 'react';
import { Card } from '@/components/dashboard/card';
import { latestFreshWin, isFresh } from '@/components/ticker/fresh-items';
import { relativeAge, tickerLine } from '@/components/ticker/ticker-text';
import { useClock } from '@/components/ticker/use-clock';
import { WinBurst } from '@/components/ticker/win-burst';
import type { Snapshot, TickerKind } from '@/lib/pipeline/types';
import { formatDateTime } from '@/lib/client/format';

const KIND_DOT: Record<TickerKind, string> = {
  moved: 'bg-sky-500',
  won: 'bg-emerald-500',
  created: 'bg-indigo-500',
  lost: 'bg-rose-500',
  restored: 'bg-slate-400',
};

/** Lines on the page at once; the server keeps up to 20, the strip shows the newest. */
const SHOWN = 8;
const CLOCK_MS = 5_000;

/** "Latest moves": the newest ticker lines with ticking relative times, live as snapshots arrive. */
export function TickerCard({ snapshot }: { snapshot: Snapshot }) {
  const items = snapshot.ticker ?? [];
  const { locale, timeZone } = snapshot;
  // What the page showed when it loaded is history; only later lines slide in or celebrate.
  const [known] = useState(() => new Set(items.map((item) => item.id)));
  // Before mount the server's own time stands in, so server and browser print the same words.
  const now = useClock(CLOCK_MS) ?? Date.parse(snapshot.asOf);
  const win = latestFreshWin(items, known);

  return (
    <Card title="Latest moves" subtitle="Live from the CRM" testId="ticker">
      {items.length === 0 ? (
        <p className="text-(length:--pw-body) text-(--pw-muted)" data-testid="ticker-empty">
          No moves yet. Deals that change in the CRM show up here as they happen.
        </p>
      ) : (
        <ol className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2 xl:grid-cols-4" aria-label="Latest moves, newest first" aria-live="polite" aria-relevant="additions">
          {items.slice(0, SHOWN).map((item) => {
            const line = tickerLine(item, locale);
            const fresh = isFresh(item, known);
            const motion = fresh ? (item.kind === 'won' ? 'pw-ticker-win' : 'pw-ticker-enter') : '';
            return (
              <li
                key={item.id}
                data-testid="ticker-item"
                data-kind={item.kind}
                data-id={item.id}
                className={`flex min-w-0 items-baseline gap-2 rounded-lg px-2 py-1.5 text-(length:--pw-body) ${motion}`}
              >
                <span aria-hidden="true" className={`size-2 shrink-0 translate-y-[-1px] rounded-full ${KIND_DOT[item.kind]}`} />
                <span className="min-w-0 flex-1 text-(--pw-text)" title={line.text}>
                  {line.headline}
                  {line.amount ? (
                    <>
                      {' · '}
                      <span className="font-semibold whitespace-nowrap tabular-nums">{line.amount}</span>
                    </>
                  ) : null}
                </span>
                <time dateTime={item.at} title={formatDateTime(item.at, locale, timeZone)} className="shrink-0 text-(length:--pw-small) whitespace-nowrap text-(--pw-muted) tabular-nums">
                  {relativeAge(item.at, now)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {win ? <WinBurst key={win.id} item={win} locale={locale} /> : null}
    </Card>
  );
}
