import { readMicros } from '@/lib/pipeline/money/micros';

// Twenty's answers are authoritative and there is nothing to fall back to, so every readable
// amount is kept: one that is not exact (a fractional average, a number past 2^53) is logged and
// used as read (rounded half away from zero by lib/pipeline/money). Text that is not a number is
// an error, so a malformed answer is never read as zero.

export type MicrosLog = (line: Record<string, unknown>) => void;

/** The micros of a number or numeric string from Twenty; null for null/undefined; throws on anything else. */
export function toMicros(value: unknown, field: string, log?: MicrosLog): bigint | null {
  const reading = readMicros(value);
  switch (reading.kind) {
    case 'absent':
      return null;
    case 'exact':
      return reading.micros;
    case 'rounded':
      log?.({ event: 'twenty.micros_not_integral', field, value });
      return reading.micros;
    case 'imprecise':
      log?.({ event: 'twenty.micros_imprecise', field, value });
      return reading.micros;
    case 'invalid':
      throw new TypeError(`${field}: expected a number or numeric string`);
  }
}
