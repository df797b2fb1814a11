import { createHash } from 'node:crypto';
import type { SnapshotContent } from '@/lib/pipeline/types';

/**
 * JSON with object keys sorted at every depth, so equal content always serialises to the same
 * bytes whatever order its keys were built in. Arrays keep their order (it is meaningful);
 * undefined properties are dropped as JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A short, stable hash of the content: the snapshot's version and the JSON route's ETag. */
export function contentVersion(content: SnapshotContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16);
}
