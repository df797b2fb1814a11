import { currencyFilter, type CurrencyClass } from '@/lib/twenty/aggregate-queries';
import { toFilterInput } from '@/lib/twenty/filters';
import { fetchDealPage } from '@/lib/twenty/pager';
import type { StrategyContext } from '@/lib/twenty/strategy-context';

// Without groupBy nothing lists the currencies in use. One page of the deals in currencies we do
// not know yet names at least one more; a few rounds usually find them all, and every currency
// found becomes one more aggregate per stage instead of a page per 60 deals.

export const MAX_DISCOVERY_ROUNDS = 5;

export function restClass(known: readonly string[]): CurrencyClass {
  return { kind: 'rest', known: [...known] };
}

/** Currency codes in use beyond `known`, for the dashboard's filter. */
export async function discoverCurrencies(ctx: StrategyContext, known: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let round = 0; round < MAX_DISCOVERY_ROUNDS; round++) {
    const filter = toFilterInput([...ctx.filterParts, currencyFilter(restClass([...known, ...found]))]);
    const page = await fetchDealPage(ctx.transport, { filter, first: ctx.caps.pageSize, after: null, withTotal: true, log: ctx.log });
    const fresh = [...new Set(page.deals.flatMap((d) => (d.currencyCode && !known.includes(d.currencyCode) && !found.includes(d.currencyCode) ? [d.currencyCode] : [])))];
    if (fresh.length === 0 || page.deals.length === page.totalCount) {
      found.push(...fresh);
      break;
    }
    found.push(...fresh);
  }
  if (found.length > 0) ctx.log({ level: 'info', event: 'twenty.currencies_found', currencies: found });
  return found.sort();
}
