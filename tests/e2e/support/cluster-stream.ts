import { z } from 'zod';

// A plain HTTP reader of one instance's live stream (/api/dashboards/<slug>/events): every
// snapshot event with its arrival time, taken before parsing, so latency figures are honest.

const snapshotEvent = z.object({
  version: z.string(),
  stages: z.array(z.object({ value: z.string(), count: z.number() })),
});

export type StreamedSnapshot = {
  version: string;
  counts: Map<string, number>;
  /** performance.now() and Date.now() when the event's bytes arrived. */
  at: number;
  wallAt: number;
};

export type SnapshotStream = {
  readonly snapshots: readonly StreamedSnapshot[];
  latest(): StreamedSnapshot | undefined;
  /** The first snapshot received after `sinceIndex` that the predicate accepts (or a timeout error). */
  waitFor(accept: (s: StreamedSnapshot) => boolean, opts?: { sinceIndex?: number; timeoutMs?: number }): Promise<StreamedSnapshot>;
  close(): void;
};

export async function openSnapshotStream(url: string): Promise<SnapshotStream> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const snapshots: StreamedSnapshot[] = [];
  const waiters = new Set<() => void>();

  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      const at = performance.now();
      const wallAt = Date.now();
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (!/^event: snapshot$/m.test(block)) continue;
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data === undefined) continue;
        const parsed = snapshotEvent.parse(JSON.parse(data));
        snapshots.push({ version: parsed.version, counts: new Map(parsed.stages.map((s) => [s.value, s.count])), at, wallAt });
        for (const wake of [...waiters]) wake();
      }
    }
  })();

  return {
    snapshots,
    latest: () => snapshots.at(-1),
    waitFor(accept, opts = {}) {
      const since = opts.sinceIndex ?? 0;
      const find = () => snapshots.slice(since).find(accept);
      const found = find();
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching snapshot on ${url} within ${opts.timeoutMs ?? 10_000} ms (last: ${JSON.stringify([...(snapshots.at(-1)?.counts ?? [])])})`));
        }, opts.timeoutMs ?? 10_000);
        const wake = () => {
          const hit = find();
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(hit);
        };
        waiters.add(wake);
      });
    },
    close: () => abort.abort(),
  };
}
