import type { Snapshot } from '@/lib/pipeline/types';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

// Dev-only: the sample snapshot, nudged step by step so the preview can show live updates.

function bump(micros: string, percent: bigint): string {
  return ((BigInt(micros) * (100n + percent)) / 100n).toString();
}

export function previewSnapshotAt(step: number, now: Date): Snapshot {
  const swing = BigInt((step % 5) * 6 - 12);
  return {
    ...sampleSnapshot,
    asOf: now.toISOString(),
    version: `preview-${step}`,
    stages: sampleSnapshot.stages.map((s, i) => ({
      ...s,
      count: s.count + ((step + i) % 4),
      amountMicros: bump(s.amountMicros, i % 2 === 0 ? swing : -swing),
    })),
    timeline: sampleSnapshot.timeline.map((p, i) => ({ ...p, amountMicros: bump(p.amountMicros, (i + step) % 3 === 0 ? swing : 0n) })),
  };
}
