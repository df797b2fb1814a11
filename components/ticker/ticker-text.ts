import type { TickerItem, TickerKind } from '@/lib/pipeline/types';
import { formatMoney } from '@/lib/client/format';

// One ticker line in words, composed only from the fields the server sent: a dashboard that
// hides names gets "A deal moved…", one that hides amounts gets no "· $48K".

export type TickerLine = {
  /** "Octan Energy moved Meeting → Proposal", "Won", "New deal: Octan Energy". */
  headline: string;
  /** Compact money in the deal's own currency ("$48K"), or null when not allowed or absent. */
  amount: string | null;
  /** The whole line, as read aloud and as printed: headline · amount. */
  text: string;
};

function route(item: TickerItem): string {
  if (item.fromLabel && item.toLabel) return ` ${item.fromLabel} → ${item.toLabel}`;
  if (item.toLabel) return ` to ${item.toLabel}`;
  return '';
}

const withName = (word: string, name: string | undefined) => (name ? `${word}: ${name}` : word);

const HEADLINES: Record<TickerKind, (item: TickerItem) => string> = {
  moved: (item) => `${item.dealName ?? 'A deal'} moved${route(item)}`,
  won: (item) => withName('Won', item.dealName),
  created: (item) => withName('New deal', item.dealName),
  lost: (item) => withName('Lost', item.dealName),
  restored: (item) => withName('Restored', item.dealName),
};

export function tickerLine(item: TickerItem, locale: string): TickerLine {
  const headline = HEADLINES[item.kind](item);
  // Each deal keeps its own currency: a ticker line is never converted.
  const amount = item.amountMicros && item.currencyCode ? formatMoney(item.amountMicros, item.currencyCode, locale, { compact: true }) : null;
  return { headline, amount, text: amount ? `${headline} · ${amount}` : headline };
}

/** How long ago, in the ticker's short words: "just now", "40 s ago", "2 min ago", "3 h ago", "2 d ago". */
export function relativeAge(atIso: string, nowMs: number): string {
  const at = Date.parse(atIso);
  if (Number.isNaN(at)) return '';
  // A CRM clock slightly ahead of the viewer's must not print "in 3 s".
  const seconds = Math.max(0, Math.floor((nowMs - at) / 1000));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
