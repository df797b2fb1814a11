// Micros are integers that can exceed 2^53, so the conversion to a decimal amount is done on
// the digits: a float division would silently round 123456789012345678 micros.

const MICROS_PER_UNIT_DIGITS = 6;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type DecimalString = `${number}`;

function isDecimalString(value: string): value is DecimalString {
  return DECIMAL.test(value);
}

export function isMicrosString(value: string): boolean {
  return INTEGER.test(value);
}

/** "123456789" micros → "123.456789"; trailing zeros dropped; null when not an integer string. */
export function microsToDecimal(amountMicros: string): DecimalString | null {
  if (!isMicrosString(amountMicros)) return null;
  const negative = amountMicros.startsWith('-');
  const digits = (negative ? amountMicros.slice(1) : amountMicros).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(MICROS_PER_UNIT_DIGITS + 1, '0');
  const whole = padded.slice(0, -MICROS_PER_UNIT_DIGITS);
  const fraction = padded.slice(-MICROS_PER_UNIT_DIGITS).replace(/0+$/, '');
  const isZero = /^0+$/.test(whole) && fraction === '';
  const text = `${negative && !isZero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return isDecimalString(text) ? text : null;
}

/** Whole units, rounded half away from zero, as a decimal string — still exact for huge values. */
export function microsToWholeUnits(amountMicros: string): DecimalString | null {
  if (!isMicrosString(amountMicros)) return null;
  const micros = BigInt(amountMicros);
  const unit = 10n ** BigInt(MICROS_PER_UNIT_DIGITS);
  const half = unit / 2n;
  const magnitude = micros < 0n ? -micros : micros;
  const rounded = (magnitude + half) / unit;
  const text = `${micros < 0n && rounded !== 0n ? '-' : ''}${rounded}`;
  return isDecimalString(text) ? text : null;
}
