import type { Snapshot, SnapshotContent } from '@/lib/pipeline/types';
import { canonicalJson } from '@/lib/pipeline/version';

// Whether two snapshots show the same figures. Each instance keeps its own ticker (it hears only
// the webhooks its load balancer gives it), so a peer's snapshot often differs from ours in the
// ticker alone. Then the realtime state behind what we show still describes every figure on
// screen, and our webhooks can stay exact updates instead of turning into refreshes.

type Shown = SnapshotContent | Snapshot;

function figuresOf(content: Shown): string {
  const { ticker, ...figures } = content as Partial<Snapshot> & SnapshotContent;
  // Freshness stamps say when and how well this instance knows the figures, not what they are.
  return canonicalJson({ ...figures, asOf: undefined, version: undefined, stale: undefined, staleReason: undefined, staleSince: undefined });
}

export function sameFigures(a: Shown, b: Shown): boolean {
  return figuresOf(a) === figuresOf(b);
}
