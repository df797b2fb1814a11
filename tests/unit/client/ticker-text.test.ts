import { expect, test } from 'vitest';
import { relativeAge, tickerLine } from '@/components/ticker/ticker-text';
import { latestFreshWin } from '@/components/ticker/fresh-items';
import type { TickerItem } from '@/lib/pipeline/types';

const at = '2026-11-26T18:50:00.000Z';
const item = (extra: Partial<TickerItem>): TickerItem => ({ id: 'i1', at, kind: 'moved', ...extra });

test('a move with name and amount reads as a sentence with a compact amount in the deal currency', () => {
  const line = tickerLine(
    item({ dealName: 'Octan Energy', fromLabel: 'Meeting', toLabel: 'Proposal', amountMicros: '48000000000', currencyCode: 'USD' }),
    'en-US',
  );
  expect(line.text).toBe('Octan Energy moved Meeting → Proposal · $48K');
  expect(line.amount).toBe('$48K');
  expect(tickerLine(item({ toLabel: 'Proposal', amountMicros: '1250000000000', currencyCode: 'EUR' }), 'en-US').text).toBe('A deal moved to Proposal · €1.25M');
});

test('wins, new deals, losses and restores use only the fields present', () => {
  expect(tickerLine(item({ kind: 'won', amountMicros: '120000000000', currencyCode: 'USD' }), 'en-US').text).toBe('Won · $120K');
  expect(tickerLine(item({ kind: 'won', dealName: 'Globex' }), 'en-US').text).toBe('Won: Globex');
  expect(tickerLine(item({ kind: 'created', amountMicros: '15000000000', currencyCode: 'USD', toLabel: 'New' }), 'en-US').text).toBe('New deal · $15K');
  expect(tickerLine(item({ kind: 'lost' }), 'en-US').text).toBe('Lost');
  expect(tickerLine(item({ kind: 'restored', dealName: 'Initech' }), 'en-US').text).toBe('Restored: Initech');
  // An amount without its currency is not shown: a bare number could be read in the wrong one.
  expect(tickerLine(item({ kind: 'won', amountMicros: '5000000' }), 'en-US').amount).toBeNull();
});

test('relative ages tick through seconds, minutes, hours and days; a future time is "just now"', () => {
  const t = Date.parse(at);
  expect(relativeAge(at, t + 3_000)).toBe('just now');
  expect(relativeAge(at, t + 42_000)).toBe('42 s ago');
  expect(relativeAge(at, t + 2 * 60_000 + 5_000)).toBe('2 min ago');
  expect(relativeAge(at, t + 3 * 3_600_000)).toBe('3 h ago');
  expect(relativeAge(at, t + 50 * 3_600_000)).toBe('2 d ago');
  expect(relativeAge(at, t - 30_000)).toBe('just now');
  expect(relativeAge('not a date', t)).toBe('');
});

test('only a win that arrived after page load is celebrated, the newest one', () => {
  const items = [item({ id: 'c', kind: 'won' }), item({ id: 'b', kind: 'moved' }), item({ id: 'a', kind: 'won' })];
  expect(latestFreshWin(items, new Set(['a', 'b', 'c']))).toBeNull();
  expect(latestFreshWin(items, new Set(['a', 'b']))?.id).toBe('c');
  expect(latestFreshWin(items, new Set(['c']))?.id).toBe('a');
});
