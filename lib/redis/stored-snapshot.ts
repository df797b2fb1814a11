import { z } from 'zod';
import { snapshotSchema } from '@/lib/client/snapshot-schema';
import type { LoadedContent } from '@/lib/cache';
import type { PipelineData, TickerItem } from '@/lib/pipeline/types';
import { decodePipelineData, encodePipelineData } from '@/lib/redis/pipeline-data-codec';

// What one dashboard's entry in Redis holds, and its JSON form. The content is the loaded
// content (what the cache's load returns) plus its version; freshness is each instance's own.

export type StoredSnapshot = {
  slug: string;
  content: LoadedContent;
  version: string;
  /** The PipelineData the content was built from, when the writer had it. */
  data?: PipelineData;
  /** The invalidation generation the content answers (see store.generation). */
  generation: number;
  /** Writer's clock, ms: when it was stored. */
  storedAt: number;
  /** The instance that wrote it. */
  origin: string;
};

const tickerItem = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['moved', 'won', 'created', 'lost', 'restored']),
  fromStage: z.string().optional(),
  fromLabel: z.string().optional(),
  toStage: z.string().optional(),
  toLabel: z.string().optional(),
  dealName: z.string().optional(),
  amountMicros: z.string().optional(),
  currencyCode: z.string().optional(),
}) satisfies z.ZodType<TickerItem>;

const contentSchema = snapshotSchema
  .omit({ version: true, stale: true, staleReason: true, staleSince: true })
  .extend({ ticker: z.array(tickerItem).optional() });

const bodySchema = z.object({ content: contentSchema, version: z.string(), data: z.unknown().optional(), origin: z.string() });

export function encodeBody(record: Pick<StoredSnapshot, 'content' | 'version' | 'data' | 'origin'>): string {
  const data = record.data === undefined ? undefined : encodePipelineData(record.data);
  return JSON.stringify({ content: record.content, version: record.version, data, origin: record.origin });
}

/** null when the stored text is not a snapshot this version of the app understands. */
export function decodeStored(slug: string, fields: { gen: string | null; stored: string | null; body: string | null }): StoredSnapshot | null {
  if (fields.body === null) return null;
  const generation = Number(fields.gen ?? '0');
  const storedAt = Number(fields.stored ?? '0');
  if (!Number.isFinite(generation) || !Number.isFinite(storedAt)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fields.body);
  } catch {
    return null;
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success || parsed.data.content.slug !== slug) return null;
  const { content, version, origin } = parsed.data;
  const data = parsed.data.data === undefined ? undefined : decodePipelineData(parsed.data.data);
  if (data === null) return null;
  const record: StoredSnapshot = { slug, content, version, generation, storedAt, origin };
  if (data !== undefined) record.data = data;
  return record;
}
