import { divideHalfAwayFromZero } from '@/lib/pipeline/money/exact';

// The one reader of an amount in micros that comes from outside (Twenty's answers, webhook
// payloads), and the one check of the form we send ourselves. Twenty's micros are integers, but
// they travel as a JSON number on current servers and as a numeric string on old ones and in v0.55
// webhooks; an aggregate (an average) can carry a fraction. Every form is read exactly on its
// digits, and the reading says how far to trust it, so each caller applies its own policy.

/** The wire form of micros in our own snapshots and caches: an optional minus and digits. */
export const MICROS_TEXT = /^-?\d+$/;

export function isMicrosText(value: string): boolean {
  return MICROS_TEXT.test(value);
}

export type MicrosReading =
  | { kind: 'absent' }
  /** Every digit was there: an integer string, or an integral JSON number within 2^53. */
  | { kind: 'exact'; micros: bigint }
  /** The value had a fraction; rounded half away from zero (the one rule, see exact.ts). */
  | { kind: 'rounded'; micros: bigint }
  /**
   * Integral, but it passed through a float: a JSON number past 2^53 (JSON.parse has already
   * rounded its digits) or text in exponent notation (a float as JavaScript prints one).
   */
  | { kind: 'imprecise'; micros: bigint }
  | { kind: 'invalid' };

// JSON's number grammar, plus a leading + and leading zeros, which hand-written strings carry.
const NUMBER_TEXT = /^([-+]?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;
// Every float prints with an exponent within ±324; beyond ±400 a text is refused rather than
// turned into a bigint of that many digits.
const MAX_EXPONENT = 400;

function readText(text: string): MicrosReading {
  const match = NUMBER_TEXT.exec(text);
  if (!match) return { kind: 'invalid' };
  const [, sign = '', whole = '0', fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return { kind: 'invalid' };
  // The value is exactly digits × 10^scale; only the division can round.
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}`);
  const scale = exponent - fraction.length;
  const scaled = scale >= 0 ? { micros: digits * 10n ** BigInt(scale), integral: true } : divide(digits, 10n ** BigInt(-scale));
  if (!scaled.integral) return { kind: 'rounded', micros: scaled.micros };
  return { kind: exponentText === undefined ? 'exact' : 'imprecise', micros: scaled.micros };
}

function divide(digits: bigint, divisor: bigint): { micros: bigint; integral: boolean } {
  return { micros: divideHalfAwayFromZero(digits, divisor), integral: digits % divisor === 0n };
}

/** Reads micros from a JSON number or a numeric string, on its digits, never through float arithmetic. */
export function readMicros(value: unknown): MicrosReading {
  if (value === null || value === undefined) return { kind: 'absent' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid' };
    if (Number.isSafeInteger(value)) return { kind: 'exact', micros: BigInt(value) };
    // The float's own value, digit for digit (its shortest text, "1152921504606847000" for 2^60, is not).
    if (Number.isInteger(value)) return { kind: 'imprecise', micros: BigInt(value) };
    // A fraction means |value| < 2^52. String() gives the shortest text that reads back as this
    // float: for 61815794736.8421 that is what the JSON said, so half is decided on the sender's digits.
    return readText(String(value));
  }
  if (typeof value === 'string') return readText(value.trim());
  return { kind: 'invalid' };
}
