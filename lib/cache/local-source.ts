import type { LoadedContent, SnapshotSource } from '@/lib/cache/types';

/** One process, no peers: loads run here and nothing is shared. */
export function localSource(load: (slug: string) => Promise<LoadedContent>): SnapshotSource {
  return {
    load,
    invalidate: (_slug, here) => here(),
    published: () => {},
    connect: () => {},
  };
}
