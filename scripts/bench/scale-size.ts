import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { startBenchStack } from '@/tests/e2e/support/app-process';

// Part (i) of scripts/bench/scale.ts: one app process (server.ts, no Redis) on a demo
// workspace of N opportunities (another process). What the first snapshot costs: the app's
// upstream calls (from the workspace's request log), the time of the first JSON answer, and the
// app process's memory (RSS of the app server and any process under it, from /proc).

export type SizeRow = {
  opportunities: number;
  strategy: string;
  calls: number;
  rootFields: number;
  firstSnapshotMs: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  peakRssMb: number;
  processes: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app server process and every process under it. */
function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** Current and peak (VmHWM) resident memory, summed over the tree, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number; processes: number } {
  let rssKb = 0;
  let peakKb = 0;
  const tree = processTree(pid);
  for (const p of tree) {
    const status = readFileSync(`/proc/${p}/status`, 'utf8');
    rssKb += Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    peakKb += Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
  }
  return { rssMb: rssKb / 1024, peakMb: peakKb / 1024, processes: tree.length };
}

const requestLog = z.object({ requests: z.array(z.object({ rootFields: z.array(z.string()), keyIndex: z.number().optional() })) });
const snapshotBody = z.object({ strategy: z.string(), stages: z.array(z.object({ count: z.number() })) });

/** `track` is told how to stop the processes while they run (the caller's time limit uses it). */
export async function measureSize(opportunities: number, track: (stop: () => Promise<void>) => () => void): Promise<SizeRow> {
  const stack = await startBenchStack({ opportunities, version: '2.21', appEnv: { LOG_LEVEL: 'error' } });
  const untrack = track(stack.stop);
  try {
    // /api/health has built the app's context (no upstream call yet); this is the idle process.
    const before = memoryOf(stack.app.pid);
    const started = performance.now();
    let body: z.infer<typeof snapshotBody> | undefined;
    while (!body) {
      const response = await fetch(`${stack.appUrl}/api/dashboards/${stack.slug}`);
      if (response.status === 200) body = snapshotBody.parse(await response.json());
      else if (response.status === 503 && performance.now() - started < 120_000) await sleep(20);
      else throw new Error(`first snapshot: HTTP ${response.status}`);
    }
    const firstSnapshotMs = performance.now() - started;
    const after = memoryOf(stack.app.pid);
    const log = requestLog.parse(await (await fetch(`${stack.sandboxUrl}/__sandbox/requests`, { headers: { authorization: `Bearer ${stack.userKey}` } })).json());
    const appCalls = log.requests.filter((r) => r.keyIndex === 0);
    const counted = body.stages.reduce((n, s) => n + s.count, 0);
    if (counted === 0) throw new Error('the first snapshot counts no deal');
    return {
      opportunities,
      strategy: body.strategy,
      calls: appCalls.length,
      rootFields: appCalls.reduce((n, r) => n + r.rootFields.length, 0),
      firstSnapshotMs,
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
      peakRssMb: after.peakMb,
      processes: after.processes,
    };
  } finally {
    untrack();
    await stack.stop();
  }
}
