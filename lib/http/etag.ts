import type { Snapshot } from '@/lib/pipeline/types';

// The JSON snapshot's validator: its content version plus its freshness, so a client holding a
// fresh copy is not told "not modified" when the same numbers have become stale.

export function snapshotEtag(snapshot: Pick<Snapshot, 'version' | 'stale' | 'staleReason'>): string {
  const freshness = snapshot.stale ? `stale-${snapshot.staleReason ?? 'unknown'}` : 'fresh';
  return `"${snapshot.version.replace(/[^A-Za-z0-9._-]/g, '')}-${freshness}"`;
}

/** RFC 9110 If-None-Match: a list of (weak or strong) tags, or "*". */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
