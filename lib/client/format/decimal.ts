import { divideHalfAwayFromZero, MICROS_PER_UNIT } from '@/lib/pipeline/money/exact';
import { isMicrosText } from '@/lib/pipeline/money/micros';

// Micros are integers that can exceed 2^53, so the conversion to a decimal amount is done on
// the digits: a float division would silently round 123456789012345678 micros.

const MICROS_PER_UNIT_DIGITS = MICROS_PER_UNIT.toString().length - 1;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type DecimalString = `${number}`;

function isDecimalString(value: string): value is DecimalString {
  return DECIMAL.test(value);
}

/** "123456789" micros → "123.456789"; trailing zeros dropped; null when not an integer string. */
export function microsToDecimal(amountMicros: string): DecimalString | null {
  if (!isMicrosText(amountMicros)) return null;
  const negative = amountMicros.startsWith('-');
  const digits = (negative ? amountMicros.slice(1) : amountMicros).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(MICROS_PER_UNIT_DIGITS + 1, '0');
  const whole = padded.slice(0, -MICROS_PER_UNIT_DIGITS);
  const fraction = padded.slice(-MICROS_PER_UNIT_DIGITS).replace(/0+$/, '');
  const isZero = /^0+$/.test(whole) && fraction === '';
  const text = `${negative && !isZero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return isDecimalString(text) ? text : null;
}

/** Whole units, rounded by the app's one money rule (half away from zero), exact for huge values. */
export function microsToWholeUnits(amountMicros: string): DecimalString | null {
  if (!isMicrosText(amountMicros)) return null;
  const text = divideHalfAwayFromZero(BigInt(amountMicros), MICROS_PER_UNIT).toString();
  return isDecimalString(text) ? text : null;
}
