import { createSnapshotCache, localSource } from '@/lib/cache';
import type { LoadedContent, SnapshotCacheOptions } from '@/lib/cache/types';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { StaleReason } from '@/lib/pipeline/types';
import { dashboard, group, pipelineData } from '../pipeline/builders';

/** Content whose only variable is the NEW stage's amount, so tests can make "same" and "different" data. */
export function content(amountMicros: bigint, slug = 'sales'): Omit<LoadedContent, 'asOf'> {
  return buildSnapshotContent(
    pipelineData({ groups: [group({ stage: 'NEW', count: 1, amountMicros })] }),
    dashboard({ slug }),
    new Date('2026-11-26T12:00:00Z'),
    { demo: false },
  );
}

type Pending = { slug: string; resolve: (amount: bigint) => void; reject: (err: unknown) => void };

/** A load function the test settles by hand, and a clock it moves by hand. */
export function harness(options: Partial<SnapshotCacheOptions> = {}) {
  let clock = Date.parse('2026-11-26T12:00:00Z');
  const pending: Pending[] = [];
  let loads = 0;
  const errors: Array<{ slug: string; reason: StaleReason }> = [];
  const cache = createSnapshotCache({
    ttlMs: 10_000,
    maxAgeMs: 60_000,
    now: () => clock,
    onError: (slug, _err, reason) => errors.push({ slug, reason }),
    source: localSource((slug) => {
      loads += 1;
      return new Promise<LoadedContent>((resolve, reject) => {
        pending.push({
          slug,
          resolve: (amount) => resolve({ ...content(amount, slug), asOf: new Date(clock).toISOString() }),
          reject,
        });
      });
    }),
    ...options,
  });
  const settle = async (fn: (p: Pending) => void) => {
    const next = pending.shift();
    if (!next) throw new Error('no load is pending');
    fn(next);
    await flush();
  };
  return {
    cache,
    errors,
    loads: () => loads,
    pendingCount: () => pending.length,
    advance: (ms: number) => {
      clock += ms;
    },
    nowIso: () => new Date(clock).toISOString(),
    succeed: (amount: bigint) => settle((p) => p.resolve(amount)),
    fail: (err: unknown = new Error('ECONNREFUSED')) => settle((p) => p.reject(err)),
  };
}

/** Lets promise callbacks (the cache's bookkeeping after a load) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}
