import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';

// The traffic of scripts/bench/load.ts, each kind counting what it got: JSON viewers, live-stream
// clients, HEAD requests on the events route and oversized unlock posts. Loopback only: every
// URL must point at 127.0.0.1.

export type Counts = Record<string, number>;

const bump = (counts: Counts, key: string | number) => (counts[String(key)] = (counts[String(key)] ?? 0) + 1);

function loopback(url: string): string {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`the load bench only talks to 127.0.0.1, not ${url}`);
  return url;
}

export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

export type Answer = { status: number; version: string | null; stale: boolean; ms: number; body: string; error?: string };

/** GETs of one JSON URL over keep-alive connections (one per viewer at most). */
export function jsonClient(url: string, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const target = loopback(url);
  const get = (): Promise<Answer> => {
    const started = performance.now();
    return new Promise((resolve) => {
      const req = httpRequest(target, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, version: /"version":"([^"]+)"/.exec(body)?.[1] ?? null, stale: body.includes('"stale":true'), ms: performance.now() - started, body });
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, version: null, stale: false, ms: performance.now() - started, body: '', error: error.code ?? error.message }));
      req.end();
    });
  };
  return { get, close: () => agent.destroy() };
}

type StreamClient = { status: number | string | null; events: number; ended: boolean };

/** `count` clients on the live stream, opened over `spreadMs` (a burst past the listen backlog stalls in SYN retries). */
export function openStreams(url: string, count: number, spreadMs = 1_000) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const target = loopback(url);
  const clients: StreamClient[] = [];
  const requests: ClientRequest[] = [];
  const timers = Array.from({ length: count }, (_, i) =>
    setTimeout(() => {
      const client: StreamClient = { status: null, events: 0, ended: false };
      clients.push(client);
      const req = httpRequest(target, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
        client.status = res.statusCode ?? 0;
        res.on('data', (c: Buffer) => (client.events += c.toString().split('event: snapshot').length - 1));
        res.on('end', () => (client.ended = true));
        res.on('error', () => (client.ended = true));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        client.status ??= error.code ?? 'error'; // no HTTP answer at all
        client.ended = true;
      });
      req.end();
      requests.push(req);
    }, Math.floor((i * spreadMs) / Math.max(1, count))),
  );
  return {
    stats: () => {
      const statuses: Counts = {};
      for (const c of clients) bump(statuses, c.status ?? 'pending');
      const connected = clients.filter((c) => c.status === 200);
      return {
        opened: clients.length,
        connected: connected.length,
        gotData: connected.filter((c) => c.events > 0).length,
        stillOpen: connected.filter((c) => !c.ended).length,
        events: clients.reduce((n, c) => n + c.events, 0),
        statuses,
      };
    },
    close: () => {
      timers.forEach(clearTimeout);
      requests.forEach((r) => r.destroy());
    },
  };
}

/** HEAD requests on the events route, `perSecond`, over keep-alive connections as an attacker would. */
export function headFlood(url: string, perSecond: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const target = loopback(url);
  const statuses: Counts = {};
  const started = performance.now();
  /** Seconds into the flood at which requests went unanswered for 5 s. */
  const unansweredAt: number[] = [];
  let sent = 0;
  const timer = perSecond > 0 ? setInterval(() => {
    sent += 1;
    const at = Math.round((performance.now() - started) / 1000);
    let settled = false;
    const settle = (key: string | number) => {
      if (settled) return;
      settled = true;
      bump(statuses, key);
    };
    const req = httpRequest(target, { method: 'HEAD', agent, timeout: 5_000 }, (res) => {
      settle(res.statusCode ?? 0);
      res.resume();
    });
    req.on('timeout', () => {
      settle('unanswered after 5 s');
      unansweredAt.push(at);
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? 'error'));
    req.end();
  }, 1_000 / perSecond) : undefined;
  const stats = () => ({ sent, statuses, ...(unansweredAt.length > 0 ? { unansweredAtSecond: [...new Set(unansweredAt)] } : {}) });
  return { stop: () => (clearInterval(timer), agent.destroy()), stats };
}

/**
 * Posts to /api/unlock that claim (or stream, chunked) a body of `bytes`, `perSecond`. The body
 * is written with back-pressure, so a server that stops reading costs the generator nothing;
 * `sentKb` is what it had written when the answer (or the reset) came.
 */
export function unlockFlood(url: string, opts: { perSecond: number; bytes: number }) {
  const target = loopback(url);
  const statuses: Counts = {};
  const sentKb: number[] = [];
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const one = () => {
    const declared = sent % 2 === 0;
    sent += 1;
    let written = 0;
    let done = false;
    const finish = (status: string | number) => {
      if (done) return;
      done = true;
      bump(statuses, status);
      sentKb.push(Math.round(written / 1024));
      req.destroy();
    };
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...(declared ? { 'content-length': String(opts.bytes) } : {}) };
    const req = httpRequest(target, { method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.setTimeout(30_000, () => finish('timeout'));
    req.on('error', () => finish('reset'));
    const pump = () => {
      while (!done && written < opts.bytes) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done) req.end();
    };
    pump();
  };
  const timer = opts.perSecond > 0 ? setInterval(one, 1_000 / opts.perSecond) : undefined;
  return { stop: () => clearInterval(timer), stats: () => ({ sent, statuses, sentKbP50: pct(sentKb, 50), sentKbMax: pct(sentKb, 100) }) };
}

/** The kernel's count of connections dropped because a listen queue was full (machine-wide). */
export function listenOverflows(): number {
  const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
  const [names, values] = lines.map((l) => l.split(/\s+/));
  const at = names?.indexOf('ListenOverflows') ?? -1;
  return at > 0 ? Number(values?.[at] ?? Number.NaN) : Number.NaN;
}

/** Pins every thread of every process in a process group to one CPU; returns the pids pinned. */
export function pinGroup(pgid: number, cpu: number): number[] {
  const pids = groupPids(pgid);
  for (const pid of pids) pin(pid, cpu);
  return pids;
}

export function groupPids(pgid: number): number[] {
  return spawnSync('pgrep', ['-g', String(pgid)], { encoding: 'utf8' }).stdout.split(/\s+/).filter(Boolean).map(Number);
}

/** Pins every thread of one process to one CPU (children started later inherit it). */
export function pin(pid: number, cpu: number): void {
  const result = spawnSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taskset failed for ${pid}: ${result.stderr}`);
}
