import { z } from 'zod';
import type { DealRecord } from '@/lib/twenty/group-deals';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { TwentyError } from '@/lib/twenty/errors';
import { toMicros, type MicrosLog } from '@/lib/twenty/micros';

// Zod shapes of what Twenty returns for opportunities, and their reduction to our types.

export const amountSchema = z
  .object({
    amountMicros: z.union([z.number(), z.string()]).nullish(),
    currencyCode: z.string().nullish(),
  })
  .nullish();

export const groupingNodeSchema = z.object({
  stage: z.string(),
  amount: amountSchema,
  closeDate: z.string().nullish(),
  createdAt: z.string().nullish(),
});

export const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

/** Micros that must parse; a malformed value is Twenty's fault, not a zero. */
export function microsOrFail(value: unknown, field: string, log?: MicrosLog): bigint | null {
  try {
    return toMicros(value, field, log);
  } catch (err) {
    throw new TwentyError('upstream_error', err instanceof Error ? err.message : `${field}: unreadable amount`);
  }
}

export function toDealRecord(node: z.infer<typeof groupingNodeSchema>, log?: MicrosLog): DealRecord {
  return {
    stage: node.stage,
    amountMicros: microsOrFail(node.amount?.amountMicros, 'amount.amountMicros', log),
    currencyCode: normaliseCurrency(node.amount?.currencyCode),
    closeDate: node.closeDate ?? null,
    ...(node.createdAt ? { createdAt: node.createdAt } : {}),
  };
}
