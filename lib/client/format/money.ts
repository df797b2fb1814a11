/// <reference lib="es2023.intl" />
import { microsToDecimal, microsToWholeUnits } from '@/lib/client/format/decimal';

export type MoneyFormatOptions = {
  /** "$1.2M" style, for chart labels and tight spaces. */
  compact?: boolean;
  /** Round to whole currency units ("$2,481,300"), for big headline figures. */
  wholeUnits?: boolean;
};

const ISO_CURRENCY = /^[A-Z]{3}$/;
const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, locale: string, opts: MoneyFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${currency}|${opts.compact ? 'c' : ''}${opts.wholeUnits ? 'w' : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const hasCurrency = ISO_CURRENCY.test(currency);
    const options: Intl.NumberFormatOptions = hasCurrency ? { style: 'currency', currency } : { style: 'decimal' };
    if (opts.compact) {
      // Three significant digits tell $1.97M from $2.04M, which one decimal ("$2M") would not.
      options.notation = 'compact';
      options.maximumSignificantDigits = 3;
    } else if (opts.wholeUnits) {
      options.maximumFractionDigits = 0;
      options.minimumFractionDigits = 0;
    } else if (!hasCurrency) {
      options.maximumFractionDigits = 2;
    }
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats integer micros (a decimal string, possibly beyond 2^53) in a currency. Intl formats a
 * decimal string exactly, so the digits never pass through a float. An empty or non-ISO currency
 * formats as a plain number; a malformed amount shows as an em dash rather than a wrong figure.
 */
export function formatMoney(amountMicros: string, currency: string, locale: string, opts: MoneyFormatOptions = {}): string {
  const decimal = opts.wholeUnits && !opts.compact ? microsToWholeUnits(amountMicros) : microsToDecimal(amountMicros);
  if (decimal === null) return '—';
  return moneyFormatter(currency, locale, opts).format(decimal);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/**
 * A total as one line of text for screen readers and tables: the exact amount in whole units,
 * whether rates went into it, and each currency kept apart.
 */
export function formatTotalText(
  total: { amountMicros: string; converted: boolean; other: readonly { currencyCode: string; amountMicros: string }[] },
  currency: string,
  locale: string,
): string {
  const whole = (micros: string, code: string) => formatMoney(micros, code, locale, { wholeUnits: true });
  return `${whole(total.amountMicros, currency)}${total.converted ? ' (includes converted currencies)' : ''}${total.other.map((o) => `, plus ${whole(o.amountMicros, o.currencyCode)} not converted`).join('')}`;
}
