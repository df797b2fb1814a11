import type { CSSProperties } from 'react';
import { tickerLine } from '@/components/ticker/ticker-text';
import type { TickerItem } from '@/lib/pipeline/types';

const PIECE_COLORS = ['#10b981', '#f59e0b', '#6366f1', '#ec4899', '#0ea5e9', '#facc15'];
const PIECES = 14;

/** Where each piece flies: spread over a fan around the pill, fixed so server and client agree. */
function pieceStyle(i: number): CSSProperties {
  const angle = (i / PIECES) * 2 * Math.PI;
  const reach = 90 + ((i * 37) % 50);
  return {
    left: `${(i / (PIECES - 1)) * 100}%`,
    backgroundColor: PIECE_COLORS[i % PIECE_COLORS.length],
    animationDelay: `${(i % 4) * 40}ms`,
    '--dx': `${Math.round(Math.cos(angle) * reach)}px`,
    '--dy': `${Math.round(Math.sin(angle) * reach * 0.6 + 40)}px`,
    '--turn': `${(i % 2 ? 1 : -1) * (180 + i * 25)}deg`,
  } as CSSProperties;
}

/**
 * A deal won while the page was open: a pill with the line and a short burst of confetti, gone
 * within 2 s by CSS alone (no timer to leak). Keyed by the item, so each new win plays once.
 * Hidden from screen readers: the ticker line itself is announced.
 */
export function WinBurst({ item, locale }: { item: TickerItem; locale: string }) {
  const line = tickerLine(item, locale);
  return (
    <div className="pw-win-burst" data-testid="win-celebration" data-item-id={item.id} aria-hidden="true">
      <div className="pw-win-pill rounded-full border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-semibold whitespace-nowrap text-amber-900 shadow-lg">
        {/* A plain star: emoji fonts are missing on many kiosk and Linux screens. */}
        <span aria-hidden="true" className="mr-1.5 text-amber-500">
          ★
        </span>
        {line.text}
        {Array.from({ length: PIECES }, (_, i) => (
          <i key={i} className="pw-win-piece" style={pieceStyle(i)} />
        ))}
      </div>
    </div>
  );
}
