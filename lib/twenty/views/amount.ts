import { refuse } from '@/lib/twenty/views/refusal';

// A currency filter's value is in currency UNITS ("1000000" means 1,000,000 USD), and Twenty's
// server turns it into micros as `parseFloat(value) * 1000000`, a float (twenty-shared; captured:
// amount ≥ "1000000" equals `amountMicros gte 1000000000000`, view A). We compute the micros exactly
// from the decimal text, and translate only when Twenty's float is that same integer: "1.005" gives
// Twenty 1004999.9999999999, a threshold no exact filter of ours reproduces, so it is refused.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Exact micros of a decimal amount in units, as a bigint; refuses anything Twenty would read otherwise. */
export function unitsToMicros(value: string, subject: string): bigint {
  const match = DECIMAL.exec(value);
  if (!match) return refuse('value', subject, `amount "${value}" is not a plain decimal number of currency units`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > 6 && /[1-9]/.test(fraction.slice(6))) return refuse('value', subject, `amount "${value}" has digits below one micro`);
  const micros = BigInt(whole) * 1_000_000n + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
  const exact = sign === '-' ? -micros : micros;
  const twenty = parseFloat(value) * 1_000_000;
  if (!Number.isInteger(twenty) || BigInt(twenty) !== exact) {
    return refuse('value', subject, `amount "${value}": Twenty compares against the float ${twenty}, not ${exact} micros`);
  }
  return exact;
}
