import { expect, test } from 'vitest';
import { isMicrosText, readMicros, type MicrosReading } from '@/lib/pipeline/money/micros';
import { toMicros } from '@/lib/twenty/micros';
import { parseMicros } from '@/lib/live/webhook/micros';
import { microsToWholeUnits } from '@/lib/client/format';

// One reader, one rounding rule (half away from zero): every form an amount arrives in, and what
// each caller makes of the reading.

const exact = (micros: bigint): MicrosReading => ({ kind: 'exact', micros });
const rounded = (micros: bigint): MicrosReading => ({ kind: 'rounded', micros });
const imprecise = (micros: bigint): MicrosReading => ({ kind: 'imprecise', micros });
const invalid: MicrosReading = { kind: 'invalid' };

const TABLE: ReadonlyArray<[label: string, input: unknown, reading: MicrosReading]> = [
  ['absent: null', null, { kind: 'absent' }],
  ['absent: undefined', undefined, { kind: 'absent' }],
  // Numbers (JSON on current Twenty)
  ['number', 4_488_000_000_000, exact(4_488_000_000_000n)],
  ['number zero', 0, exact(0n)],
  ['negative zero', -0, exact(0n)],
  ['negative number', -2_500_000, exact(-2_500_000n)],
  ['largest safe integer', Number.MAX_SAFE_INTEGER, exact(9_007_199_254_740_991n)],
  ['2^53 is already past exactness', 2 ** 53, imprecise(9_007_199_254_740_992n)],
  ['2^60', 2 ** 60, imprecise(1_152_921_504_606_846_976n)],
  ['1e21 prints with an exponent', 1e21, imprecise(10n ** 21n)],
  ['-2^60', -(2 ** 60), imprecise(-1_152_921_504_606_846_976n)],
  ['fraction, decided on the printed digits', 61_815_794_736.8421, rounded(61_815_794_737n)],
  ['2.5', 2.5, rounded(3n)],
  ['-2.5', -2.5, rounded(-3n)],
  ['0.5', 0.5, rounded(1n)],
  ['-0.5', -0.5, rounded(-1n)],
  ['2.4999999999999996 stays below half', 2.4999999999999996, rounded(2n)],
  ['-1.49', -1.49, rounded(-1n)],
  ['tiny', 1e-7, rounded(0n)],
  // Numeric strings (v0.55 answers and webhooks)
  ['digits', '133500000000', exact(133_500_000_000n)],
  ['huge digits', '123456789012345678901234567890', exact(123456789012345678901234567890n)],
  ['negative digits', '-2500000', exact(-2_500_000n)],
  ['leading plus', '+42', exact(42n)],
  ['leading zeros', '000120000000', exact(120_000_000n)],
  ['surrounding spaces', ' 15 ', exact(15n)],
  ['integral decimal', '1500000000.00', exact(1_500_000_000n)],
  ['"10.5"', '10.5', rounded(11n)],
  ['"10.49"', '10.49', rounded(10n)],
  ['"-10.5"', '-10.5', rounded(-11n)],
  ['"-10.51"', '-10.51', rounded(-11n)],
  ['"-0.4"', '-0.4', rounded(0n)],
  ['half beyond 2^53', '9007199254740993.5', rounded(9_007_199_254_740_994n)],
  ['negative half beyond 2^53', '-9007199254740993.5', rounded(-9_007_199_254_740_994n)],
  ['exponent text', '1e9', imprecise(1_000_000_000n)],
  ['exponent text with fraction', '1.25e0', rounded(1n)],
  // Garbage
  ['empty', '', invalid],
  ['blank', '   ', invalid],
  ['letters', '12abc', invalid],
  ['currency code', 'USD', invalid],
  ['hex', '0x10', invalid],
  ['bare point', '.5', invalid],
  ['trailing point', '5.', invalid],
  ['two signs', '--5', invalid],
  ['grouped digits', '1,000', invalid],
  ['Infinity text', 'Infinity', invalid],
  ['absurd exponent', '1e999999999', invalid],
  ['NaN', Number.NaN, invalid],
  ['Infinity', Number.POSITIVE_INFINITY, invalid],
  ['boolean', true, invalid],
  ['object', {}, invalid],
  ['bigint is not JSON', 5n, invalid],
];

test.each(TABLE)('%s', (_label, input, reading) => {
  expect(readMicros(input)).toEqual(reading);
});

test('Twenty answers: every readable amount is kept, and an inexact one is logged', () => {
  for (const [label, input, reading] of TABLE) {
    const lines: Record<string, unknown>[] = [];
    const read = () => toMicros(input, 'amount', (line) => lines.push(line));
    if (reading.kind === 'invalid') {
      expect(read, label).toThrow(/amount/);
      continue;
    }
    expect(read(), label).toBe(reading.kind === 'absent' ? null : reading.micros);
    const logged = { exact: [], absent: [], rounded: ['twenty.micros_not_integral'], imprecise: ['twenty.micros_imprecise'] }[reading.kind];
    expect(lines.map((l) => l.event), label).toEqual(logged);
  }
});

test('webhook payloads: only an exact amount is applied in place', () => {
  for (const [label, input, reading] of TABLE) {
    const expected = reading.kind === 'absent' ? null : reading.kind === 'exact' ? reading.micros : undefined;
    expect(parseMicros(input), label).toBe(expected);
  }
});

test('the browser rounds whole units by the same rule', () => {
  expect(microsToWholeUnits('2500000')).toBe('3');
  expect(microsToWholeUnits('-2500000')).toBe('-3');
  expect(microsToWholeUnits('-2499999')).toBe('-2');
  expect(microsToWholeUnits('-400000')).toBe('0');
  expect(microsToWholeUnits('123456789012500000')).toBe('123456789013');
});

test('our own wire form is an optional minus and digits, nothing else', () => {
  for (const ok of ['0', '-1', '123456789012345678901234567890', '0007']) expect(isMicrosText(ok), ok).toBe(true);
  for (const bad of ['', '-', '+1', '1.0', ' 1', '1e3', '0x1', '١٢']) expect(isMicrosText(bad), bad).toBe(false);
});
