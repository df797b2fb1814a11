import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { dashboard, group, M, NOW, pipelineData } from './builders';

const build = (groups: Parameters<typeof pipelineData>[0], extra: Record<string, unknown> = {}) =>
  buildSnapshotContent(pipelineData(groups), dashboard(extra), NOW, { demo: false });

describe('money in the summary', () => {
  test('null amounts count as deals but add nothing', () => {
    // Twenty's empty amount: null micros, "" code → currencyCode null in the bucket.
    const content = build({
      groups: [
        group({ stage: 'NEW', currencyCode: null, count: 3, amountMicros: 0n }),
        group({ stage: 'NEW', currencyCode: 'USD', count: 2, amountMicros: 10n * M }),
      ],
    });
    const stage = content.stages.find((s) => s.value === 'NEW');
    expect(stage?.count).toBe(5);
    expect(stage?.amountMicros).toBe('10000000');
    expect(stage?.other).toEqual([]);
    expect(content.kpis.openCount).toBe(5);
    // The average divides by the two priced deals only.
    expect(content.kpis.averageDeal?.amountMicros).toBe('5000000');
  });

  test('an amount without a currency code is kept apart under "" and never added', () => {
    const content = build({ groups: [group({ stage: 'NEW', currencyCode: null, count: 1, amountMicros: 7n * M }), group({ stage: 'NEW', count: 1, amountMicros: M })] });
    expect(content.kpis.openValue).toEqual({ currency: 'USD', amountMicros: '1000000', converted: false, other: [{ currencyCode: '', amountMicros: '7000000' }] });
    expect(content.kpis.averageDeal?.amountMicros).toBe('1000000');
  });

  test('mixed currencies: rated ones converted and labelled, unrated kept apart', () => {
    const groups = [
      group({ stage: 'NEW', currencyCode: 'USD', count: 1, amountMicros: 100n * M }),
      group({ stage: 'NEW', currencyCode: 'EUR', count: 1, amountMicros: 100n * M }),
      group({ stage: 'MEETING', currencyCode: 'GBP', count: 2, amountMicros: 50n * M }),
    ];
    const withRates = build({ groups }, { rates: { EUR: '1.08' } });
    expect(withRates.kpis.openValue).toEqual({ currency: 'USD', amountMicros: '208000000', converted: true, other: [{ currencyCode: 'GBP', amountMicros: '50000000' }] });
    expect(withRates.rates).toEqual({ EUR: '1.08' });
    expect(withRates.stages.find((s) => s.value === 'MEETING')).toMatchObject({ amountMicros: '0', converted: false, other: [{ currencyCode: 'GBP', amountMicros: '50000000' }] });
    // Average: 208 USD over the 2 deals that are in USD terms, not over the GBP ones.
    expect(withRates.kpis.averageDeal).toEqual({ currency: 'USD', amountMicros: '104000000', converted: true, other: [] });

    const noRates = build({ groups });
    expect(noRates.kpis.openValue).toEqual({
      currency: 'USD',
      amountMicros: '100000000',
      converted: false,
      other: [
        { currencyCode: 'EUR', amountMicros: '100000000' },
        { currencyCode: 'GBP', amountMicros: '50000000' },
      ],
    });
    expect(noRates.kpis.averageDeal?.amountMicros).toBe('100000000');
  });

  test('display currency other than USD: USD needs a rate like any other', () => {
    const content = build({ groups: [group({ stage: 'NEW', currencyCode: 'USD', amountMicros: 10n * M }), group({ stage: 'NEW', currencyCode: 'EUR', amountMicros: 3n * M })] }, { currency: 'EUR' });
    expect(content.kpis.openValue).toEqual({ currency: 'EUR', amountMicros: '3000000', converted: false, other: [{ currencyCode: 'USD', amountMicros: '10000000' }] });
  });

  test('conversion rounds half-up to whole micros', () => {
    // 1 micro × 1.5 = 1.5 → 2; 3 micros × 0.5 = 1.5 → 2; 1 micro × 1.4 = 1.4 → 1.
    const at = (micros: bigint, rate: string) =>
      build({ groups: [group({ stage: 'NEW', currencyCode: 'EUR', amountMicros: micros })] }, { rates: { EUR: rate } }).kpis.openValue.amountMicros;
    expect(at(1n, '1.5')).toBe('2');
    expect(at(3n, '0.5')).toBe('2');
    expect(at(1n, '1.4')).toBe('1');
  });

  test('the average rounds half-up', () => {
    const content = build({ groups: [group({ stage: 'NEW', count: 2, amountMicros: 3n }), group({ stage: 'MEETING', count: 1, amountMicros: 2n })] });
    // 5 micros / 3 deals = 1.67 → 2
    expect(content.kpis.averageDeal?.amountMicros).toBe('2');
    const half = build({ groups: [group({ stage: 'NEW', count: 2, amountMicros: 3n })] });
    expect(half.kpis.averageDeal?.amountMicros).toBe('2'); // 1.5 → 2
  });

  test('amountCount, when the fetcher has it, decides how many deals are priced', () => {
    const content = build({ groups: [group({ stage: 'NEW', count: 10, amountCount: 4, amountMicros: 8n * M })] });
    expect(content.kpis.openCount).toBe(10);
    expect(content.kpis.averageDeal?.amountMicros).toBe('2000000');
  });

  test('exact with huge sums: 100k deals of 10^15 micros each', () => {
    const each = 10n ** 15n;
    const groups = Array.from({ length: 100_000 }, (_, i) =>
      group({ stage: i % 2 === 0 ? 'NEW' : 'PROPOSAL', currencyCode: i % 3 === 0 ? 'EUR' : 'USD', count: 1, amountMicros: each + BigInt(i % 7) }),
    );
    let usd = 0n;
    let eur = 0n;
    groups.forEach((g) => (g.currencyCode === 'EUR' ? (eur += g.amountMicros) : (usd += g.amountMicros)));
    const started = performance.now();
    const content = build({ groups }, { rates: { EUR: '1.000000001' } });
    const elapsedMs = performance.now() - started;
    const expected = usd + (eur * 1_000_000_001n + 500_000_000n) / 1_000_000_000n;
    expect(content.kpis.openValue.amountMicros).toBe(expected.toString());
    expect(BigInt(content.kpis.openValue.amountMicros)).toBeGreaterThan(10n ** 20n);
    expect(content.kpis.openCount).toBe(100_000);
    const stagesSum = content.stages.reduce((sum, s) => sum + s.count, 0);
    expect(stagesSum).toBe(100_000);
    expect(elapsedMs).toBeLessThan(5_000);
  });
});
