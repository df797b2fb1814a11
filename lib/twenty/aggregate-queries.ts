import { z } from 'zod';
import { condition, type FilterPart } from '@/lib/twenty/filter-rules';
import { amountMissing, toFilterInput, type OpportunityFilterInput } from '@/lib/twenty/filters';
import { pricedCountFromAverage } from '@/lib/twenty/priced-count';
import { TwentyError } from '@/lib/twenty/errors';
import { microsOrFail } from '@/lib/twenty/records';
import type { Log, Transport } from '@/lib/twenty/transport';

// Many differently filtered totals of `opportunities`. v0.55 takes them as aliases of one root
// field in one request; 1.x+ rejects a repeated root field ("Duplicate root resolver"), which we
// learn from the first refusal and then send one request per total.

export const MAX_ALIASES_PER_REQUEST = 20; // GRAPHQL_MAX_ROOT_RESOLVERS on servers that cap them

export type AliasState = { allowed: boolean };
export type Total = { count: number; amountMicros: bigint; amountCount?: number };

/** Currency classes a stage total is split into. Codes are validated ISO codes from config. */
export type CurrencyClass = { kind: 'code'; code: string } | { kind: 'none' } | { kind: 'rest'; known: string[] };

const CURRENCY = ['amount', 'currencyCode'] as const;

export function currencyFilter(c: CurrencyClass): FilterPart {
  if (c.kind === 'code') return condition(CURRENCY, 'eq', c.code);
  if (c.kind === 'none') return { or: [condition(CURRENCY, 'is', 'NULL'), condition(CURRENCY, 'eq', '')] };
  // NOT_NULL too, so a server that evaluates `not in` on NULL as true still excludes them.
  return { and: [{ not: condition(CURRENCY, 'in', [...c.known, '']) }, condition(CURRENCY, 'is', 'NOT_NULL')] };
}

export function aggregateDocument(count: number, withAverage: boolean): string {
  const fields = `totalCount sumAmountAmountMicros${withAverage ? ' avgAmountAmountMicros' : ''}`;
  const vars = Array.from({ length: count }, (_, i) => `$f${i}: OpportunityFilterInput`).join(', ');
  const roots = Array.from({ length: count }, (_, i) => `a${i}: opportunities(filter: $f${i}) { ${fields} }`).join(' ');
  return `query StageCurrencyTotals(${vars}) { ${roots} }`;
}

const totalSchema = z.object({
  totalCount: z.number().int().nonnegative(),
  sumAmountAmountMicros: z.union([z.number(), z.string()]).nullish(),
  avgAmountAmountMicros: z.union([z.number(), z.string()]).nullish(),
});

async function runChunk(transport: Transport, filters: OpportunityFilterInput[], withAverage: boolean, log: Log): Promise<Total[]> {
  const schema = z.object(Object.fromEntries(filters.map((_, i) => [`a${i}`, totalSchema])));
  const variables = Object.fromEntries(filters.map((f, i) => [`f${i}`, f]));
  const data = await transport.runQuery({ document: aggregateDocument(filters.length, withAverage), variables, schema });
  return filters.map((_, i) => {
    const t = totalSchema.parse(data[`a${i}`]);
    const total: Total = { count: t.totalCount, amountMicros: microsOrFail(t.sumAmountAmountMicros, 'sumAmountAmountMicros', log) ?? 0n };
    const priced = pricedCountFromAverage(t.totalCount, t.sumAmountAmountMicros, t.avgAmountAmountMicros);
    if (priced !== null) total.amountCount = priced;
    return total;
  });
}

function isDuplicateRootRefusal(err: unknown): boolean {
  return err instanceof TwentyError && err.kind === 'rejected' && /Duplicate root resolver/i.test(err.message);
}

export type TotalsOptions = {
  transport: Transport;
  filters: OpportunityFilterInput[];
  /** Ask for avgAmountAmountMicros, from which most totals' priced counts follow (priced-count.ts). */
  withAverage: boolean;
  aliases: AliasState;
  log: Log;
};

/** Totals for each filter, in order, in as few requests as the server allows. */
export async function fetchTotals(opts: TotalsOptions): Promise<Total[]> {
  const { transport, filters, withAverage, aliases, log } = opts;
  const size = aliases.allowed ? MAX_ALIASES_PER_REQUEST : 1;
  const out: Total[] = [];
  for (let i = 0; i < filters.length; i += size) {
    const chunk = filters.slice(i, i + size);
    try {
      out.push(...(await runChunk(transport, chunk, withAverage, log)));
    } catch (err) {
      if (chunk.length === 1 || !isDuplicateRootRefusal(err)) throw err;
      aliases.allowed = false;
      log({ level: 'info', event: 'twenty.aliases_refused', note: 'server rejects a repeated root field; one request per total from now on' });
      return [...out, ...(await fetchTotals({ ...opts, filters: filters.slice(i) }))];
    }
  }
  return out;
}

/**
 * Gives totals[i] (for i < parts.length, the total of `parts[i]`) its priced count where sum / avg
 * could not: one more total over the same parts and `amountMicros is NULL` each, in aliased requests.
 */
export async function fillPricedCounts(opts: Omit<TotalsOptions, 'filters'>, totals: Total[], parts: readonly FilterPart[][]): Promise<void> {
  const undecided = parts.flatMap((p, i) => (totals[i] && totals[i].amountCount === undefined ? [{ i, p }] : []));
  if (undecided.length === 0) return;
  const unpriced = await fetchTotals({ ...opts, filters: undecided.map(({ p }) => toFilterInput([...p, amountMissing()])) });
  undecided.forEach(({ i }, k) => {
    const total = totals[i];
    const missing = unpriced[k]?.count ?? 0;
    if (!total) return;
    if (missing > total.count) opts.log({ level: 'warn', event: 'twenty.priced_count_drift', count: total.count, unpriced: missing });
    total.amountCount = Math.max(0, total.count - missing);
  });
}
