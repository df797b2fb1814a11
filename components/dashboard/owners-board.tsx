import type { Display } from '@/components/dashboard/display';
import { formatCount, formatMoney } from '@/lib/client/format';
import { BOARD_ROWS, leaderboardRows, type BoardRow } from '@/lib/pipeline/owners-board';
import type { Kpis, MoneyTotal, OwnerSummary } from '@/lib/pipeline/types';

// The owners leaderboard on the page, the embed and the TV (one table, the TV's type on the TV):
// won this period and open pipeline per owner, by the KPIs' rules. Every figure is table text with
// an aria-label spelling it out; amounts in currencies without a rate are listed apart.

type Props = { owners: OwnerSummary[] | undefined; period: Kpis['period']; display: Display; rows?: number };

const deals = (count: number, locale: string) => `${formatCount(count, locale)} deal${count === 1 ? '' : 's'}`;

function moneyText(total: MoneyTotal, locale: string): string {
  const main = formatMoney(total.amountMicros, total.currency, locale, { wholeUnits: true });
  const apart = total.other.map((m) => `${formatMoney(m.amountMicros, m.currencyCode, locale, { wholeUnits: true })} ${m.currencyCode === '' ? 'without a currency' : `${m.currencyCode} not converted`}`);
  return [main, ...apart].join(' + ');
}

function Figure({ total, label, locale, testId }: { total: MoneyTotal & { count: number }; label: string; locale: string; testId: string }) {
  const text = moneyText(total, locale);
  return (
    <td className="num px-1 py-2.5 text-right tabular-nums" data-testid={testId} data-amount-micros={total.amountMicros} data-count={total.count} aria-label={`${label}: ${text}, ${deals(total.count, locale)}`}>
      <span className="font-semibold text-(--pw-text)">{formatMoney(total.amountMicros, total.currency, locale, { wholeUnits: true })}</span>
      {total.other.map((m) => (
        <span key={m.currencyCode} className="block text-(length:--pw-tiny) text-(--pw-muted)" data-currency={m.currencyCode} data-amount-micros={m.amountMicros}>
          + {formatMoney(m.amountMicros, m.currencyCode, locale, { wholeUnits: true })} {m.currencyCode === '' ? 'no currency' : 'not converted'}
        </span>
      ))}
      <span className="block text-(length:--pw-small) text-(--pw-muted)">{deals(total.count, locale)}</span>
    </td>
  );
}

function Row({ row, wonLabel, locale }: { row: BoardRow; wonLabel: string; locale: string }) {
  return (
    <tr data-testid="owner-row" data-owner-kind={row.kind} data-owner-id={row.kind === 'owner' ? row.key : undefined} className="border-b border-(--pw-border) last:border-0">
      <td className="px-1 py-2.5 text-(--pw-muted) tabular-nums">{row.rank ?? ''}</td>
      <th scope="row" className="name px-1 py-2.5 text-left font-semibold text-(--pw-text)" data-testid="owner-name">
        {row.name}
      </th>
      <Figure total={row.won} label={`${row.name}, ${wonLabel.toLowerCase()}`} locale={locale} testId="owner-won" />
      <Figure total={row.open} label={`${row.name}, open pipeline`} locale={locale} testId="owner-open" />
    </tr>
  );
}

export function OwnersBoard({ owners, period, display, rows = BOARD_ROWS }: Props) {
  const plain = 'py-6 text-center text-(length:--pw-body) text-(--pw-muted)';
  if (!owners) return <p className={plain} data-testid="owners-none">This dashboard has no owner figures: its fields do not include owners, or this Twenty has no deal owners.</p>;
  if (owners.length === 0) return <p className={plain} data-testid="owners-empty">No owner has an open deal or a deal won this {period}.</p>;
  const wonLabel = `Won this ${period}`;
  const tv = display.variant === 'tv';
  return (
    <div className="-mx-1 overflow-x-auto">
      <table className={tv ? 'tv-deals' : 'w-full text-(length:--pw-body)'} data-testid="owners-board">
        <caption className="sr-only">Owners leaderboard: {wonLabel.toLowerCase()} and open pipeline, in {display.currency}</caption>
        <thead>
          <tr className="border-b border-(--pw-border) text-left text-(length:--pw-tiny) tracking-wide text-(--pw-muted) uppercase">
            <th scope="col" className="px-1 py-2 font-medium">
              <span className="sr-only">Rank</span>#
            </th>
            <th scope="col" className="name px-1 py-2 font-medium">Owner</th>
            <th scope="col" className="num px-1 py-2 text-right font-medium">{wonLabel}</th>
            <th scope="col" className="num px-1 py-2 text-right font-medium">Open pipeline</th>
          </tr>
        </thead>
        <tbody>
          {leaderboardRows(owners, rows).map((row) => (
            <Row key={row.key} row={row} wonLabel={wonLabel} locale={display.locale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
