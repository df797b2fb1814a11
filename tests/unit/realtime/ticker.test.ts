import { describe, expect, test } from 'vitest';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { TickerItem } from '@/lib/pipeline/types';
import type { RecordState } from '@/lib/realtime/record-state';
import { TICKER_LENGTH, addToTicker, tickerItemFor, type TickerInput } from '@/lib/realtime/ticker';
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
    expect(got?.id).toMatch(/^[0-9a-f]{16}$/); // a hash, not the record id
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
