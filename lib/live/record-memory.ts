import { sameState, timeOf, type RecordState } from '@/lib/live/record-state';

// The last known state of each opportunity, fed only by webhooks. Bounded: when full, the record
// heard of least recently is forgotten (a forgotten record is simply "unknown" again, which only
// costs a refresh, never a wrong number).

export type Observation =
  | { kind: 'ignored'; reason: 'older' | 'duplicate' | 'after_destroy' }
  | {
      kind: 'accepted';
      previous: RecordState | undefined;
      next: RecordState;
      /** Same updatedAt as the known state but different content: order unknowable. */
      ambiguous: boolean;
    };

export type RecordMemory = {
  observe(next: RecordState): Observation;
  get(id: string): RecordState | undefined;
  size(): number;
};

export function createRecordMemory(maxEntries: number): RecordMemory {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  const states = new Map<string, RecordState>();

  function remember(state: RecordState): void {
    states.delete(state.id); // re-insert so Map order is least-recently-heard first
    states.set(state.id, state);
    while (states.size > maxEntries) {
      const oldest = states.keys().next();
      if (oldest.done) break;
      states.delete(oldest.value);
    }
  }

  return {
    observe(next) {
      const known = states.get(next.id);
      if (known?.destroyed) return { kind: 'ignored', reason: 'after_destroy' };
      if (known === undefined) {
        remember(next);
        return { kind: 'accepted', previous: undefined, next, ambiguous: Number.isNaN(timeOf(next.updatedAt)) };
      }
      // `destroyed` carries the record's last state, so its updatedAt equals the state before it.
      if (next.destroyed) {
        remember(next);
        return { kind: 'accepted', previous: known, next, ambiguous: false };
      }
      const nextAt = timeOf(next.updatedAt);
      const knownAt = timeOf(known.updatedAt);
      if (nextAt < knownAt) return { kind: 'ignored', reason: 'older' };
      if (nextAt === knownAt && sameState(known, next)) return { kind: 'ignored', reason: 'duplicate' };
      remember(next);
      return { kind: 'accepted', previous: known, next, ambiguous: !(nextAt > knownAt) };
    },
    get: (id) => states.get(id),
    size: () => states.size,
  };
}
