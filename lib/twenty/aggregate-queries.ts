import { z } from 'zod';
import type { FilterPart, OpportunityFilterInput } from '@/lib/twenty/filters';
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

export function currencyFilter(c: CurrencyClass): FilterPart {
  if (c.kind === 'code') return { amount: { currencyCode: { eq: c.code } } };
  if (c.kind === 'none') return { or: [{ amount: { currencyCode: { is: 'NULL' } } }, { amount: { currencyCode: { eq: '' } } }] };
  // NOT_NULL too, so a server that evaluates `not in` on NULL as true still excludes them.
  return { and: [{ not: { amount: { currencyCode: { in: [...c.known, ''] } } } }, { amount: { currencyCode: { is: 'NOT_NULL' } } }] };
}

export function aggregateDocument(count: number, withAmountCount: boolean): string {
  const fields = `totalCount sumAmountAmountMicros${withAmountCount ? ' countNotEmptyAmount' : ''}`;
  const vars = Array.from({ length: count }, (_, i) => `$f${i}: OpportunityFilterInput`).join(', ');
  const roots = Array.from({ length: count }, (_, i) => `a${i}: opportunities(filter: $f${i}) { ${fields} }`).join(' ');
  return `query StageCurrencyTotals(${vars}) { ${roots} }`;
}

const totalSchema = z.object({
  totalCount: z.number().int().nonnegative(),
  sumAmountAmountMicros: z.union([z.number(), z.string()]).nullish(),
  countNotEmptyAmount: z.number().int().nonnegative().nullish(),
});

async function runChunk(transport: Transport, filters: OpportunityFilterInput[], withAmountCount: boolean, log: Log): Promise<Total[]> {
  const schema = z.object(Object.fromEntries(filters.map((_, i) => [`a${i}`, totalSchema])));
  const variables = Object.fromEntries(filters.map((f, i) => [`f${i}`, f]));
  const data = await transport.runQuery({ document: aggregateDocument(filters.length, withAmountCount), variables, schema });
  return filters.map((_, i) => {
    const t = totalSchema.parse(data[`a${i}`]);
    const total: Total = { count: t.totalCount, amountMicros: microsOrFail(t.sumAmountAmountMicros, 'sumAmountAmountMicros', log) ?? 0n };
    if (t.countNotEmptyAmount !== undefined && t.countNotEmptyAmount !== null) total.amountCount = t.countNotEmptyAmount;
    return total;
  });
}

function isDuplicateRootRefusal(err: unknown): boolean {
  return err instanceof TwentyError && err.kind === 'rejected' && /Duplicate root resolver/i.test(err.message);
}

/** Totals for each filter, in order, in as few requests as the server allows. */
export async function fetchTotals(opts: {
  transport: Transport;
  filters: OpportunityFilterInput[];
  withAmountCount: boolean;
  aliases: AliasState;
  log: Log;
}): Promise<Total[]> {
  const { transport, filters, withAmountCount, aliases, log } = opts;
  const size = aliases.allowed ? MAX_ALIASES_PER_REQUEST : 1;
  const out: Total[] = [];
  for (let i = 0; i < filters.length; i += size) {
    const chunk = filters.slice(i, i + size);
    try {
      out.push(...(await runChunk(transport, chunk, withAmountCount, log)));
    } catch (err) {
      if (chunk.length === 1 || !isDuplicateRootRefusal(err)) throw err;
      aliases.allowed = false;
      log({ level: 'info', event: 'twenty.aliases_refused', note: 'server rejects a repeated root field; one request per total from now on' });
      return [...out, ...(await fetchTotals({ ...opts, filters: filters.slice(i) }))];
    }
  }
  return out;
}
