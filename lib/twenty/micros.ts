// Twenty's amounts are integer micros, but they travel as a JSON number (BigFloat / Float) on
// current servers and as a numeric string on old ones and in v0.55 webhooks. We convert them to
// bigint exactly; a value that is not an integer is logged and rounded half-up, never dropped.

export type MicrosLog = (line: Record<string, unknown>) => void;

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^([-+]?)(\d+)\.(\d+)$/;

function roundDecimalHalfUp(sign: string, whole: string, fraction: string): bigint {
  const base = BigInt(whole);
  const first = fraction[0] ?? '0';
  const atLeastHalf = first >= '5';
  const moreThanHalf = first > '5' || (first === '5' && /[1-9]/.test(fraction.slice(1)));
  // Half-up means towards +infinity: 2.5 becomes 3, -2.5 becomes -2.
  if (sign === '-') return moreThanHalf ? -(base + 1n) : -base;
  return atLeastHalf ? base + 1n : base;
}

/**
 * The exact micros of a number or numeric string; null for null/undefined.
 * Throws on text that is not a number, so a malformed answer is never read as zero.
 */
export function toMicros(value: unknown, field: string, log?: MicrosLog): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${field}: not a finite number`);
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) log?.({ event: 'twenty.micros_imprecise', field, value });
      return BigInt(value);
    }
    log?.({ event: 'twenty.micros_not_integral', field, value });
    return BigInt(Math.floor(value + 0.5));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (INTEGER.test(text)) return BigInt(text);
    const decimal = DECIMAL.exec(text);
    if (decimal) {
      const [, sign = '', whole = '0', fraction = ''] = decimal;
      if (/^0*$/.test(fraction)) return BigInt(`${sign}${whole}`);
      log?.({ event: 'twenty.micros_not_integral', field, value: text });
      return roundDecimalHalfUp(sign, whole, fraction);
    }
    if (text !== '' && Number.isFinite(Number(text))) return toMicros(Number(text), field, log);
  }
  throw new TypeError(`${field}: expected a number or numeric string`);
}
