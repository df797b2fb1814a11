import { z } from 'zod';
import { tickerItemSchema } from '@/lib/pipeline/snapshot-schema';
import { snapshotSchema } from '@/lib/pipeline/snapshot-schema';
import type { LoadedContent } from '@/lib/cache';
import type { PipelineData } from '@/lib/pipeline/types';
import { decodePipelineData, encodePipelineData } from '@/lib/cache/redis/pipeline-data-codec';

// What one dashboard's entry in Redis holds, and its JSON form. The content is the loaded
// content (what the cache's load returns) plus its version; freshness is each instance's own.

export type StoredSnapshot = {
  slug: string;
  content: LoadedContent;
  version: string;
  /**
   * The PipelineData of the last load that stored some. An exact update keeps it (it has no data
   * of its own to give), so it can be older than the content: see dataIsCurrent.
   */
  data?: PipelineData;
  /** true when `data` is exactly what `content` was built from. */
  dataIsCurrent: boolean;
  /** The invalidation generation the content answers (see store.generation). */
  generation: number;
  /** Writer's clock, ms: when it was stored. */
  storedAt: number;
  /** Writer's clock, ms: when the content was last loaded from the CRM (exact updates keep it). */
  loadedAt: number;
  /** The instance that wrote it. */
  origin: string;
};

// The same check the browser applies to ticker lines it receives.
const tickerItem = tickerItemSchema;

const contentSchema = snapshotSchema
  .omit({ version: true, stale: true, staleReason: true, staleSince: true })
  .extend({ ticker: z.array(tickerItem).optional() });

const bodySchema = z.object({ content: contentSchema, version: z.string(), origin: z.string() });

export function encodeBody(record: Pick<StoredSnapshot, 'content' | 'version' | 'origin'>): string {
  return JSON.stringify({ content: record.content, version: record.version, origin: record.origin });
}

export function encodeData(data: PipelineData): string {
  return JSON.stringify(encodePipelineData(data));
}

function parseData(text: string | null): PipelineData | undefined | null {
  if (text === null) return undefined;
  try {
    return decodePipelineData(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The hash fields of one entry, as Redis returns them (null = absent). */
export type StoredFields = { gen: string | null; stored: string | null; loaded: string | null; body: string | null; data: string | null; cur: string | null };

/** null when the stored text is not a snapshot this version of the app understands. */
export function decodeStored(slug: string, fields: StoredFields): StoredSnapshot | null {
  if (fields.body === null) return null;
  const [generation, storedAt, loadedAt] = [fields.gen, fields.stored, fields.loaded].map((v) => Number(v ?? '0'));
  if (generation === undefined || storedAt === undefined || loadedAt === undefined) return null;
  if (![generation, storedAt, loadedAt].every(Number.isFinite)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fields.body);
  } catch {
    return null;
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success || parsed.data.content.slug !== slug) return null;
  const { content, version, origin } = parsed.data;
  const data = parseData(fields.data);
  if (data === null) return null;
  const record: StoredSnapshot = { slug, content, version, generation, storedAt, loadedAt, origin, dataIsCurrent: data !== undefined && fields.cur === '1' };
  if (data !== undefined) record.data = data;
  return record;
}
