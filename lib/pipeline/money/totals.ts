import { convertMicros, parseRate, type ExactRate } from '@/lib/pipeline/money/exact';
import type { Money, MoneyTotal } from '@/lib/pipeline/types';

/**
 * Amounts kept per currency until the very end, so nothing is ever added across currencies by
 * accident. The key "" holds amounts whose deal has no currency code: they can be neither shown
 * in a currency nor converted, so they always end up apart in `other` with currencyCode "".
 */
export type CurrencySums = Map<string, bigint>;

export function emptySums(): CurrencySums {
  return new Map();
}

export function addToSums(sums: CurrencySums, currencyCode: string | null, micros: bigint): void {
  const key = currencyCode ?? '';
  sums.set(key, (sums.get(key) ?? 0n) + micros);
}

/** Rates parsed once per dashboard; the display currency always converts 1:1. */
export type Conversion = { display: string; rates: ReadonlyMap<string, ExactRate> };

export function conversionFor(display: string, rates: Record<string, string>): Conversion {
  const parsed = new Map<string, ExactRate>();
  for (const [code, rate] of Object.entries(rates)) {
    if (code !== display && code !== '') parsed.set(code, parseRate(rate));
  }
  return { display, rates: parsed };
}

/** Whether amounts in this currency can be expressed in the display currency. */
export function isConvertible(conversion: Conversion, currencyCode: string | null): boolean {
  const code = currencyCode ?? '';
  return code === conversion.display || conversion.rates.has(code);
}

/** The amount in display micros, or null when the currency has no rate (or no code). */
export function toDisplayMicros(conversion: Conversion, currencyCode: string | null, micros: bigint): bigint | null {
  const code = currencyCode ?? '';
  if (code === conversion.display) return micros;
  const rate = conversion.rates.get(code);
  return rate ? convertMicros(micros, rate) : null;
}

/**
 * Each currency's sum is converted once (one rounding per currency, not per deal). Zero sums are
 * left out of `other` — a bucket of deals without amounts is not worth a "EUR 0" line.
 */
export function toMoneyTotal(sums: CurrencySums, conversion: Conversion): MoneyTotal {
  let amount = 0n;
  let converted = false;
  const other: Money[] = [];
  for (const [code, micros] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const inDisplay = toDisplayMicros(conversion, code, micros);
    if (inDisplay === null) {
      if (micros !== 0n) other.push({ currencyCode: code, amountMicros: micros.toString() });
      continue;
    }
    amount += inDisplay;
    if (code !== conversion.display && micros !== 0n) converted = true;
  }
  return { currency: conversion.display, amountMicros: amount.toString(), converted, other };
}
