import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { Deal } from '@/lib/pipeline/types';
import { dashboard, deal, M, NOW, pipelineData } from './builders';

const build = (topDeals: Deal[], extra: Record<string, unknown> = {}) =>
  buildSnapshotContent(pipelineData({ topDeals }), dashboard(extra), NOW, { demo: false }).topDeals;

describe('top deals', () => {
  test('only allowed fields leave the server: the others are absent, not null', () => {
    const secretive = deal({ id: 'a', name: 'Secret merger', companyName: 'Globex', amountMicros: 5n * M });
    const [amountOnly] = build([secretive], { fields: ['amount'] });
    expect(amountOnly).toEqual({ id: 'a', amountMicros: '5000000', currencyCode: 'USD' });
    expect(Object.keys(amountOnly ?? {})).toEqual(['id', 'amountMicros', 'currencyCode']);
    expect(JSON.stringify(amountOnly)).not.toContain('Secret');
    expect(JSON.stringify(amountOnly)).not.toContain('Globex');
    expect(amountOnly && 'updatedAt' in amountOnly).toBe(false);

    const [all] = build([secretive], { fields: ['name', 'amount', 'stage', 'closeDate', 'company'] });
    expect(all).toEqual({
      id: 'a',
      name: 'Secret merger',
      amountMicros: '5000000',
      currencyCode: 'USD',
      stage: 'PROPOSAL',
      stageLabel: 'Proposal',
      closeDate: '2026-12-15T00:00:00.000Z',
      companyName: 'Globex',
    });

    const [none] = build([secretive], { fields: [] });
    expect(none).toEqual({ id: 'a' });
  });

  test('sorted by converted amount, unconvertible currencies after by raw micros, null amounts last', () => {
    const deals = [
      deal({ id: 'gbp-big', currencyCode: 'GBP', amountMicros: 900n * M }),
      deal({ id: 'none', amountMicros: null, currencyCode: '' }),
      deal({ id: 'usd-100', amountMicros: 100n * M }),
      deal({ id: 'eur-95', currencyCode: 'EUR', amountMicros: 95n * M }), // 95 × 1.1 = 104.5 USD
      deal({ id: 'gbp-small', currencyCode: 'GBP', amountMicros: 10n * M }),
      deal({ id: 'blank-code', currencyCode: null, amountMicros: 1000n * M }),
    ];
    const ids = build(deals, { rates: { EUR: '1.1' }, fields: ['amount'] }).map((d) => d.id);
    expect(ids).toEqual(['eur-95', 'usd-100', 'blank-code', 'gbp-big', 'gbp-small', 'none']);
  });

  test('a stage gone from the metadata shows its raw value as label; closed and filtered-out deals are dropped', () => {
    const deals = [deal({ id: 'z', stage: 'ZOMBIE' }), deal({ id: 'won', stage: 'CUSTOMER' }), deal({ id: 'new', stage: 'NEW' })];
    expect(build(deals, { fields: ['stage'] })).toEqual([
      { id: 'new', stage: 'NEW', stageLabel: 'New' },
      { id: 'z', stage: 'ZOMBIE', stageLabel: 'ZOMBIE' },
    ]);
    expect(build(deals, { fields: ['stage'], filter: { stages: ['NEW'] } }).map((d) => d.id)).toEqual(['new']);
  });

  test('limited to the dashboard topDeals count', () => {
    const deals = Array.from({ length: 8 }, (_, i) => deal({ id: `d${i}`, amountMicros: BigInt(i) * M }));
    expect(build(deals, { topDeals: 3 }).map((d) => d.id)).toEqual(['d7', 'd6', 'd5']);
  });
});
