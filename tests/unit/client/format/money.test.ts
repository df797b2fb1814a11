import { expect, test } from 'vitest';
import { formatCount, formatMoney, microsToDecimal, microsToWholeUnits } from '@/lib/client/format';

// Intl separates number and symbol with no-break spaces; normalise them so expectations read plainly.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('micros convert to an exact decimal string, digit for digit', () => {
  expect(microsToDecimal('123456789012345678')).toBe('123456789012.345678');
  expect(microsToDecimal('1500000')).toBe('1.5');
  expect(microsToDecimal('7')).toBe('0.000007');
  expect(microsToDecimal('0')).toBe('0');
  expect(microsToDecimal('000120000000')).toBe('120');
  expect(microsToDecimal('-2500000')).toBe('-2.5');
  expect(microsToDecimal('12.5')).toBeNull();
  expect(microsToDecimal('')).toBeNull();
});

test('whole units round half away from zero without leaving bigint', () => {
  expect(microsToWholeUnits('123456789012345678')).toBe('123456789012');
  expect(microsToWholeUnits('123456789012500000')).toBe('123456789013');
  expect(microsToWholeUnits('499999')).toBe('0');
  expect(microsToWholeUnits('-1500000')).toBe('-2');
});

test('huge amounts keep every digit (a float would print ...012.35 from a rounded double)', () => {
  expect(formatMoney('123456789012345678', 'USD', 'en-US')).toBe('$123,456,789,012.35');
  // 2^53 + 1 units: a Number cannot hold it, the string path must.
  expect(formatMoney('9007199254740993000000', 'USD', 'en-US')).toBe('$9,007,199,254,740,993.00');
  expect(formatMoney('123456789012345678', 'USD', 'en-US', { wholeUnits: true })).toBe('$123,456,789,012');
});

test('EUR in de-DE puts the symbol after, with German separators', () => {
  expect(plain(formatMoney('1234500000', 'EUR', 'de-DE'))).toBe('1.234,50 €');
  expect(plain(formatMoney('48000000000', 'EUR', 'de-DE', { wholeUnits: true }))).toBe('48.000 €');
});

test('JPY has no minor unit, so yen are rounded to whole numbers', () => {
  expect(formatMoney('1234500000', 'JPY', 'en-US')).toBe('¥1,235');
  expect(formatMoney('1234400000', 'JPY', 'en-US')).toBe('¥1,234');
});

test('compact notation for chart labels', () => {
  expect(formatMoney('1234567500000', 'USD', 'en-US', { compact: true })).toBe('$1.23M');
  expect(formatMoney('1967250000000', 'USD', 'en-US', { compact: true })).toBe('$1.97M');
  expect(formatMoney('48000000000', 'USD', 'en-US', { compact: true })).toBe('$48K');
  expect(formatMoney('950000000', 'USD', 'en-US', { compact: true })).toBe('$950');
  expect(plain(formatMoney('1234567500000', 'EUR', 'de-DE', { compact: true }))).toBe('1,23 Mio. €');
  expect(formatMoney('123456789012345678', 'USD', 'en-US', { compact: true })).toBe('$123B');
  expect(formatMoney('500000000000', 'JPY', 'ja-JP', { compact: true })).toBe('￥50万');
});

test('zero and small amounts, and a deal without a currency', () => {
  expect(formatMoney('0', 'USD', 'en-US')).toBe('$0.00');
  expect(formatMoney('990000', 'USD', 'en-US')).toBe('$0.99');
  expect(formatMoney('1500000', '', 'en-US')).toBe('1.5');
});

test('a malformed amount shows a dash, never a wrong number', () => {
  expect(formatMoney('12e9', 'USD', 'en-US')).toBe('—');
  expect(formatMoney('1.5', 'USD', 'en-US')).toBe('—');
});

test('counts use the locale grouping', () => {
  expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
  expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
  expect(formatCount(0, 'en-US')).toBe('0');
});
