import { readMicros } from '@/lib/pipeline/money/micros';

// A webhook's amount is applied to the snapshot in place, so only an exact one is taken. Anything
// else (a fraction, a number past 2^53 whose digits JSON.parse already rounded, exponent text) is
// refused: the delivery is answered 400 bad_payload, and the periodic reconcile re-reads Twenty.

/** bigint for an exact integral amount, null for null/absent, undefined when it cannot be exact. */
export function parseMicros(value: unknown): bigint | null | undefined {
  const reading = readMicros(value);
  if (reading.kind === 'absent') return null;
  return reading.kind === 'exact' ? reading.micros : undefined;
}
