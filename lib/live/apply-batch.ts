import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { applyTransition, type Basis, type ExactOptions, type RefreshReason, type Transition } from '@/lib/live/exact-update';

// Applies a batch of deliveries for one dashboard. Those that cannot be applied exactly are left
// out of the data (and ask for a refresh); the others go in at once, so a change that is exact is
// on screen without waiting for the refresh a neighbouring delivery needs. Leaving one out keeps
// the data consistent with `applied`: a deal's state there is always the one the data counts.

export type BatchResult = {
  basis: Basis;
  changed: boolean;
  applied: Transition[];
  reflected: number;
  /** The deliveries that could not be applied, and why; empty when none. */
  refresh: { reason: RefreshReason; transition: Transition }[];
};

export function applyBatch(basis: Basis, transitions: readonly Transition[], dashboard: DashboardConfig, opts: ExactOptions): BatchResult {
  const working: Basis = { ...basis, applied: new Map(basis.applied) };
  const result: BatchResult = { basis: working, changed: false, applied: [], reflected: 0, refresh: [] };
  for (const transition of transitions) {
    const outcome = applyTransition(working, transition, dashboard, opts);
    if (outcome.kind === 'refresh') {
      // `applied` still tells the truth about this deal: the data holds what it held before.
      result.refresh.push({ reason: outcome.reason, transition });
      continue;
    }
    if (outcome.kind === 'reflected') {
      result.reflected += 1;
      continue;
    }
    result.applied.push(transition);
    working.data = outcome.data;
    if (outcome.learned) working.applied.set(transition.next.id, transition.next);
  }
  result.changed = working.data !== basis.data;
  return result;
}
