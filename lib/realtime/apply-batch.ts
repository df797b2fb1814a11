import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { applyTransition, type Basis, type ExactOptions, type RefreshReason, type Transition } from '@/lib/realtime/exact-update';

// A batch of deliveries for one dashboard is applied all-or-nothing: if any of them cannot be
// applied exactly, the refresh it asks for covers the others too (they were all made before the
// refresh starts), so a half-applied batch is never published.

export type BatchResult =
  | { kind: 'applied'; basis: Basis; changed: boolean; applied: number; reflected: number }
  | { kind: 'refresh'; reason: RefreshReason };

export function applyBatch(basis: Basis, transitions: readonly Transition[], dashboard: DashboardConfig, opts: ExactOptions): BatchResult {
  const working: Basis = { ...basis, applied: new Map(basis.applied) };
  let applied = 0;
  let reflected = 0;
  for (const transition of transitions) {
    const outcome = applyTransition(working, transition, dashboard, opts);
    if (outcome.kind === 'refresh') return outcome;
    if (outcome.kind === 'reflected') {
      reflected += 1;
      continue;
    }
    applied += 1;
    working.data = outcome.data;
    if (outcome.learned) working.applied.set(transition.next.id, transition.next);
  }
  return { kind: 'applied', basis: working, changed: working.data !== basis.data, applied, reflected };
}
