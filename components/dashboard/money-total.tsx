import type { Money, MoneyTotal } from '@/lib/pipeline/types';
import { formatMoney } from '@/lib/client/format';

/** Amounts in currencies without a rate: listed, never added to the main figure. */
export function OtherCurrencies({ other, locale, className = '' }: { other: Money[]; locale: string; className?: string }) {
  if (other.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-x-3 gap-y-1 text-(length:--pw-small) text-(--pw-muted) tabular-nums ${className}`} aria-label="Not converted">
      {other.map((m) => (
        <li key={m.currencyCode} data-currency={m.currencyCode} data-amount-micros={m.amountMicros}>
          + {formatMoney(m.amountMicros, m.currencyCode, locale, { wholeUnits: true })}{' '}
          <span className="text-(length:--pw-tiny) tracking-wide uppercase">{m.currencyCode === '' ? 'no currency set' : `${m.currencyCode} not converted`}</span>
        </li>
      ))}
    </ul>
  );
}

export function ConvertedMark({ converted }: { converted: boolean }) {
  if (!converted) return null;
  return (
    <span
      className="rounded-md bg-(--pw-chip) px-1.5 py-0.5 text-(length:--pw-tiny) font-medium text-(--pw-muted)"
      title="Includes amounts converted from other currencies at the dashboard's configured rates"
    >
      ≈ converted
    </span>
  );
}

/** A headline money figure in whole units, with the amounts that could not be converted under it. */
export function HeadlineMoney({ total, locale }: { total: MoneyTotal; locale: string }) {
  return (
    <>
      <p
        className="text-(length:--pw-kpi) leading-none font-semibold tracking-tight text-(--pw-text) tabular-nums"
        title={formatMoney(total.amountMicros, total.currency, locale)}
      >
        {formatMoney(total.amountMicros, total.currency, locale, { wholeUnits: true })}
      </p>
      <OtherCurrencies other={total.other} locale={locale} />
    </>
  );
}
