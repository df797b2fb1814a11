import { isMicrosText } from '@/lib/pipeline/money/micros';

export type Change = { direction: 'up' | 'down' | 'flat'; text: string };

/**
 * Change of `current` against `previous` (both integer micros or counts as strings), as a signed
 * percentage. Null when there is no base to compare with (previous is zero or malformed).
 */
export function formatChange(current: string, previous: string, locale: string): Change | null {
  if (!isMicrosText(current) || !isMicrosText(previous)) return null;
  const base = BigInt(previous);
  if (base === 0n) return null;
  // Basis points keep the division in bigint; the ratio itself is small enough for a float.
  const basisPoints = ((BigInt(current) - base) * 10_000n) / (base < 0n ? -base : base);
  const ratio = Number(basisPoints) / 10_000;
  const direction = basisPoints > 0n ? 'up' : basisPoints < 0n ? 'down' : 'flat';
  const text = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
    signDisplay: 'exceptZero',
  }).format(ratio);
  return { direction, text };
}
