import { describe, expect, test } from 'vitest';
import { dealKeyerFromSecret } from '@/lib/pipeline/deal-key';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { Deal } from '@/lib/pipeline/types';
import { dashboard, deal, M, NOW, pipelineData } from './builders';

const keys = dealKeyerFromSecret('a-session-password-for-unit-tests-only-0123');
const build = (topDeals: Deal[], extra: Record<string, unknown> = {}) =>
  buildSnapshotContent(pipelineData({ topDeals }), dashboard(extra), NOW, { demo: false, dealKeys: keys }).topDeals;
/** The record ids behind a list of top deals (the test knows every candidate; the wire does not). */
const idsOf = (deals: { id: string }[], candidates: string[]) => deals.map((d) => candidates.find((id) => keys('sales', id) === d.id) ?? `unknown ${d.id}`);

describe('top deals', () => {
  test('only allowed fields leave the server: the others are absent, not null', () => {
    const secretive = deal({ id: 'a', name: 'Secret merger', companyName: 'Globex', amountMicros: 5n * M });
    const [amountOnly] = build([secretive], { fields: ['amount'] });
    expect(amountOnly).toEqual({ id: keys('sales', 'a'), amountMicros: '5000000', currencyCode: 'USD' });
    expect(Object.keys(amountOnly ?? {})).toEqual(['id', 'amountMicros', 'currencyCode']);
    expect(JSON.stringify(amountOnly)).not.toContain('Secret');
    expect(JSON.stringify(amountOnly)).not.toContain('Globex');
    expect(amountOnly && 'updatedAt' in amountOnly).toBe(false);

    const [all] = build([secretive], { fields: ['name', 'amount', 'stage', 'closeDate', 'company'] });
    expect(all).toEqual({
      id: keys('sales', 'a'),
      name: 'Secret merger',
      amountMicros: '5000000',
      currencyCode: 'USD',
      stage: 'PROPOSAL',
      stageLabel: 'Proposal',
      closeDate: '2026-12-15T00:00:00.000Z',
      companyName: 'Globex',
    });

    const [none] = build([secretive], { fields: [] });
    expect(none).toEqual({ id: keys('sales', 'a') });
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
    const ids = idsOf(build(deals, { rates: { EUR: '1.1' }, fields: ['amount'] }), deals.map((d) => d.id));
    expect(ids).toEqual(['eur-95', 'usd-100', 'blank-code', 'gbp-big', 'gbp-small', 'none']);
  });

  test('a stage gone from the metadata shows its raw value as label; closed and filtered-out deals are dropped', () => {
    const deals = [deal({ id: 'z', stage: 'ZOMBIE' }), deal({ id: 'won', stage: 'CUSTOMER' }), deal({ id: 'new', stage: 'NEW' })];
    expect(build(deals, { fields: ['stage'] })).toEqual([
      { id: keys('sales', 'new'), stage: 'NEW', stageLabel: 'New' },
      { id: keys('sales', 'z'), stage: 'ZOMBIE', stageLabel: 'ZOMBIE' },
    ]);
    expect(idsOf(build(deals, { fields: ['stage'], filter: { stages: ['NEW'] } }), ['new'])).toEqual(['new']);
  });

  test('limited to the dashboard topDeals count', () => {
    const deals = Array.from({ length: 8 }, (_, i) => deal({ id: `d${i}`, amountMicros: BigInt(i) * M }));
    expect(idsOf(build(deals, { topDeals: 3 }), deals.map((d) => d.id))).toEqual(['d7', 'd6', 'd5']);
  });

  test("Twenty's record ids stay on the server: each deal has an opaque key, stable per deal and per dashboard", () => {
    const recordIds = ['2f6c0d1e-8a4b-4c3d-9e5f-0a1b2c3d4e5f', '7d3e9b2a-1c4f-4a6e-8b0d-5f2e1a9c7b3d'];
    const deals = recordIds.map((id, i) => deal({ id, name: `Renewal ${i}`, amountMicros: BigInt(10 - i) * M }));
    const first = build(deals, { fields: ['name', 'amount', 'stage', 'closeDate', 'company'] });
    const wire = JSON.stringify(first);
    for (const id of recordIds) expect(wire).not.toContain(id);
    for (const d of first) expect(d.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The same deals again (another load, another field set): the same keys.
    expect(build(structuredClone(deals), { fields: ['amount'] }).map((d) => d.id)).toEqual(first.map((d) => d.id));
    // Another dashboard names the same deal differently, and another secret too.
    const other = buildSnapshotContent(pipelineData({ topDeals: deals }), dashboard({ slug: 'board' }), NOW, { demo: false, dealKeys: keys }).topDeals;
    expect(other.map((d) => d.id)).not.toEqual(first.map((d) => d.id));
    const rotated = dealKeyerFromSecret('another-session-password-for-unit-tests-456');
    expect(rotated('sales', recordIds[0] ?? '')).not.toBe(first[0]?.id);
    // Without a keyer, the process's own: still no record id, still stable within the process.
    const plain = () => buildSnapshotContent(pipelineData({ topDeals: deals }), dashboard(), NOW, { demo: false }).topDeals.map((d) => d.id);
    expect(plain()).toEqual(plain());
    for (const id of recordIds) expect(plain()).not.toContain(id);
  });
});
