// Money arrives as amountMicros: a JSON number (current Twenty) or a numeric string (v0.55
// webhooks). It becomes a bigint without ever passing through float arithmetic.

const INTEGRAL_DECIMAL = /^(-?\d+)(?:\.0+)?$/;

/** bigint for an exact integral amount, null for null/absent, undefined when it cannot be exact. */
export function parseMicros(value: unknown): bigint | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // Beyond 2^53 JSON.parse has already rounded the digits, so exactness is lost: refuse.
    return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  }
  if (typeof value === 'string') {
    const match = INTEGRAL_DECIMAL.exec(value.trim());
    const digits = match?.[1];
    return digits === undefined ? undefined : BigInt(digits);
  }
  return undefined;
}
