import type { SeedDeal } from './crm';

// Totals the tests compute themselves from the workspace's records — independently of lib/.

export type ExpectedStage = { count: number; usdMicros: bigint; other: Map<string, bigint> };

/** Exact conversion of micros by a decimal rate, half-up, in bigint. */
export function convert(micros: bigint, rate: string): bigint {
  const [whole = '0', frac = ''] = rate.split('.');
  const scale = 10n ** BigInt(frac.length);
  const num = micros * BigInt(whole + frac);
  return (num * 2n + scale) / (2n * scale);
}

export function expectedStages(deals: SeedDeal[], display: string, rates: Record<string, string>): Map<string, ExpectedStage> {
  const byStageCurrency = new Map<string, Map<string, bigint>>();
  const counts = new Map<string, number>();
  for (const d of deals) {
    counts.set(d.stage, (counts.get(d.stage) ?? 0) + 1);
    if (d.amountMicros === null) continue;
    const perCurrency = byStageCurrency.get(d.stage) ?? new Map<string, bigint>();
    const code = d.currencyCode ?? '';
    perCurrency.set(code, (perCurrency.get(code) ?? 0n) + d.amountMicros);
    byStageCurrency.set(d.stage, perCurrency);
  }
  const out = new Map<string, ExpectedStage>();
  for (const [stage, count] of counts) {
    let usd = 0n;
    const other = new Map<string, bigint>();
    for (const [code, sum] of byStageCurrency.get(stage) ?? []) {
      const rate = rates[code];
      if (code === display) usd += sum;
      else if (rate) usd += convert(sum, rate);
      else other.set(code, sum);
    }
    out.set(stage, { count, usdMicros: usd, other });
  }
  return out;
}
