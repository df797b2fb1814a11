import { expect, test } from 'vitest';
import { toMicros } from '@/lib/twenty/micros';

test('numbers and numeric strings become exact bigints', () => {
  expect(toMicros(4488000000000, 'sum')).toBe(4488000000000n);
  expect(toMicros('133500000000', 'amount')).toBe(133500000000n);
  expect(toMicros('123456789012345678901234', 'amount')).toBe(123456789012345678901234n);
  expect(toMicros('1500.000', 'amount')).toBe(1500n);
  expect(toMicros(null, 'amount')).toBeNull();
  expect(toMicros(undefined, 'amount')).toBeNull();
});

test('a non-integral value is logged and rounded half away from zero (the one money rule)', () => {
  const lines: Record<string, unknown>[] = [];
  const log = (l: Record<string, unknown>) => lines.push(l);
  expect(toMicros(61815794736.8421, 'avg', log)).toBe(61815794737n);
  expect(toMicros(2.5, 'x', log)).toBe(3n);
  expect(toMicros(-2.5, 'x', log)).toBe(-3n);
  expect(toMicros('10.5', 'x', log)).toBe(11n);
  expect(toMicros('10.49', 'x', log)).toBe(10n);
  expect(toMicros('-10.5', 'x', log)).toBe(-11n);
  expect(toMicros('-10.51', 'x', log)).toBe(-11n);
  expect(lines).toHaveLength(7);
  expect(lines[0]).toMatchObject({ event: 'twenty.micros_not_integral', field: 'avg' });
});

test('an integer beyond 2^53 is kept but flagged as imprecise', () => {
  const lines: Record<string, unknown>[] = [];
  expect(toMicros(2 ** 60, 'sum', (l) => lines.push(l))).toBe(2n ** 60n);
  expect(lines[0]).toMatchObject({ event: 'twenty.micros_imprecise' });
});

test('text that is not a number is an error, never zero', () => {
  expect(() => toMicros('12abc', 'amount')).toThrow(/amount/);
  expect(() => toMicros('', 'amount')).toThrow();
  expect(() => toMicros({}, 'amount')).toThrow();
  expect(() => toMicros(Number.NaN, 'amount')).toThrow();
});
