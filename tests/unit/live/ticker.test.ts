import { describe, expect, test } from 'vitest';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { dealKeyerFromSecret } from '@/lib/pipeline/deal-key';
import type { TickerItem } from '@/lib/pipeline/types';
import type { RecordState } from '@/lib/live/record-state';
import { TICKER_LENGTH, addToTicker, tickerItemFor, type TickerInput } from '@/lib/live/ticker';
import { M, STAGES, board, iso, record } from './helpers';

const T = Date.parse('2026-06-15T12:00:00.000Z');
const deal = (partial: Partial<RecordState> = {}) => record('a', { name: 'Globex renewal', amountMicros: 48_000n * M, updatedAt: iso(T), ...partial });

function item(dashboard: DashboardConfig, input: Partial<TickerInput> & Pick<TickerInput, 'next'>): TickerItem | null {
  return tickerItemFor({ action: 'updated', previous: undefined, updatedFields: null, before: true, after: true, ...input }, dashboard, STAGES);
}

describe('ticker lines from a delivery and the last known state', () => {
  const dashboard = board({ wonStages: ['CUSTOMER'] });

  test('moved from Meeting to Proposal · $48k', () => {
    const got = item(dashboard, { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'PROPOSAL', updatedAt: iso(T + 1) }), updatedFields: ['stage'] });
    expect(got).toMatchObject({ kind: 'moved', fromStage: 'MEETING', fromLabel: 'Meeting', toStage: 'PROPOSAL', toLabel: 'Proposal', dealName: 'Globex renewal', amountMicros: '48000000000', currencyCode: 'USD', at: iso(T + 1) });
  });

  test('old state unknown: "moved to Proposal" (no from)', () => {
    const got = item(dashboard, { next: deal({ stage: 'PROPOSAL' }), updatedFields: ['stage'], before: 'unknown' });
    expect(got?.kind).toBe('moved');
    expect(got?.fromStage).toBeUndefined();
    expect(got?.toLabel).toBe('Proposal');
  });

  test('won, new deal, lost/removed, restored', () => {
    expect(item(dashboard, { previous: deal({ stage: 'PROPOSAL' }), next: deal({ stage: 'CUSTOMER', updatedAt: iso(T + 1) }), updatedFields: ['stage'] })?.kind).toBe('won');
    expect(item(dashboard, { action: 'created', next: deal({ amountMicros: 15_000n * M }), before: 'unknown' })).toMatchObject({ kind: 'created', amountMicros: '15000000000', toStage: 'NEW' });
    expect(item(dashboard, { action: 'deleted', previous: deal(), next: deal({ deletedAt: iso(T + 9), updatedAt: iso(T + 9) }), after: true })).toMatchObject({ kind: 'lost', at: iso(T + 9) });
    expect(item(dashboard, { action: 'restored', next: deal(), before: 'unknown' })?.kind).toBe('restored');
    const lostStages = board({ lostStages: ['NEW'] });
    expect(item(lostStages, { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'NEW', updatedAt: iso(T + 1) }), updatedFields: ['stage'] })?.kind).toBe('lost');
  });

  test('no line for changes a viewer would not call a move, or outside the view', () => {
    expect(item(dashboard, { previous: deal(), next: deal({ amountMicros: 1n, updatedAt: iso(T + 1) }), updatedFields: ['amount'] })).toBeNull();
    expect(item(dashboard, { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'PROPOSAL' }), updatedFields: ['stage'], after: false })).toBeNull();
    expect(item(dashboard, { action: 'destroyed', previous: deal({ deletedAt: iso(T) }), next: deal({ deletedAt: iso(T), destroyed: true }) })).toBeNull();
  });

  test('redacted to the allowed fields: no name without "name", no money without "amount"', () => {
    const stagesOnly = board({ fields: ['stage'] });
    const got = item(stagesOnly, { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'PROPOSAL', updatedAt: iso(T + 1) }), updatedFields: ['stage'] });
    expect(got).not.toBeNull();
    expect(got).not.toHaveProperty('dealName');
    expect(got).not.toHaveProperty('amountMicros');
    expect(got).not.toHaveProperty('currencyCode');
    expect(JSON.stringify(got)).not.toContain('Globex');
    expect(got?.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // a key, not the record id
  });

  test('no stages without "stage": no from/to on any kind of line', () => {
    const amountOnly = board({ fields: ['amount'], wonStages: ['CUSTOMER'] });
    const lines = [
      item(amountOnly, { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'PROPOSAL', updatedAt: iso(T + 1) }), updatedFields: ['stage'] }),
      item(amountOnly, { next: deal({ stage: 'PROPOSAL' }), updatedFields: ['stage'], before: 'unknown' }),
      item(amountOnly, { previous: deal({ stage: 'PROPOSAL' }), next: deal({ stage: 'CUSTOMER', updatedAt: iso(T + 1) }), updatedFields: ['stage'] }),
      item(amountOnly, { action: 'created', next: deal(), before: 'unknown' }),
      item(amountOnly, { action: 'restored', next: deal(), before: 'unknown' }),
      item(amountOnly, { action: 'deleted', previous: deal(), next: deal({ deletedAt: iso(T + 9), updatedAt: iso(T + 9) }), after: true }),
    ];
    expect(lines.map((l) => l?.kind)).toEqual(['moved', 'moved', 'won', 'created', 'restored', 'lost']);
    for (const line of lines) {
      // Every field a line may carry, each against what this dashboard allows.
      expect(Object.keys(line ?? {}).sort()).toEqual(['amountMicros', 'at', 'currencyCode', 'id', 'kind']);
      const wire = JSON.stringify(line);
      for (const stage of ['MEETING', 'PROPOSAL', 'CUSTOMER', 'NEW', 'Meeting', 'Proposal', 'Customer']) expect(wire).not.toContain(stage);
    }
    const nothing = item(board({ fields: [] }), { previous: deal({ stage: 'MEETING' }), next: deal({ stage: 'PROPOSAL', updatedAt: iso(T + 1) }), updatedFields: ['stage'] });
    expect(Object.keys(nothing ?? {}).sort()).toEqual(['at', 'id', 'kind']);
  });

  test("a line's id is a key of the deal, the change and the dashboard; never the record id", () => {
    const recordId = '5b0e3c7a-9d21-4f68-b3ae-1c2d3e4f5a6b';
    const keys = dealKeyerFromSecret('a-session-password-for-unit-tests-only-0123');
    const line = (dashboard: DashboardConfig, updatedAt: number) =>
      tickerItemFor({ action: 'updated', previous: deal({ id: recordId, stage: 'MEETING' }), next: deal({ id: recordId, stage: 'PROPOSAL', updatedAt: iso(updatedAt) }), updatedFields: ['stage'], before: true, after: true }, dashboard, STAGES, keys);
    const first = line(dashboard, T + 1);
    expect(JSON.stringify(first)).not.toContain(recordId);
    expect(first?.id).toBe(keys('sales', recordId, iso(T + 1), 'updated'));
    expect(line(dashboard, T + 1)?.id).toBe(first?.id); // the same change heard twice (or by another instance): one line
    expect(line(dashboard, T + 2)?.id).not.toBe(first?.id);
    expect(line(board({ slug: 'board', wonStages: ['CUSTOMER'] }), T + 1)?.id).not.toBe(first?.id);
  });
});

describe('the ticker list', () => {
  const at = (n: number): TickerItem => ({ id: `i${n}`, at: iso(T + n * 1_000), kind: 'moved' });

  test('newest first, each change once, at most 20', () => {
    let items: TickerItem[] = [];
    for (const n of [3, 1, 2, 2]) items = addToTicker(items, at(n));
    expect(items.map((i) => i.id)).toEqual(['i3', 'i2', 'i1']);
    for (let n = 10; n < 40; n++) items = addToTicker(items, at(n));
    expect(items).toHaveLength(TICKER_LENGTH);
    expect(items[0]?.id).toBe('i39');
    expect(items[TICKER_LENGTH - 1]?.id).toBe('i20');
  });
});
