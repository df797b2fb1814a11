// How long a delivery takes to reach the snapshot: to the exact update that applies it, or to
// the end of the first refresh that started after it arrived. The server half of
// "webhook to screen"; SSE adds the hop to the browser.

export type LagSummary = { samples: number; p50Ms: number | null; p95Ms: number | null; maxMs: number | null };

export type LagMeter = {
  record(ms: number): void;
  summary(): LagSummary;
};

/** Keeps the last `capacity` samples. */
export function createLagMeter(capacity = 5_000): LagMeter {
  const samples: number[] = [];
  let next = 0;
  return {
    record(ms) {
      if (samples.length < capacity) samples.push(ms);
      else samples[next] = ms;
      next = (next + 1) % capacity;
    },
    summary() {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;
      return { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1] ?? null };
    },
  };
}
