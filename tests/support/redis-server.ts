import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real, throwaway redis-server for tests and e2e: loopback only, no persistence, its own temp
// dir, a free port. `stop()` kills it (tests use this to simulate an outage) and `start()` brings
// it back on the same port. Every server started here is also killed when the process exits, so
// a failing test file never leaves one behind.

export type RedisServer = {
  readonly port: number;
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  isRunning(): boolean;
  /** Starts it again on the same port (after stop). */
  start(): Promise<void>;
  /** SIGKILL by default: an outage, not a polite shutdown. Resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it and removes its temp dir. Safe to call twice. */
  dispose(): Promise<void>;
};

export type RedisServerOptions = { binary?: string; port?: number; readyTimeoutMs?: number };

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function spawnServer(binary: string, port: number, dir: string, readyTimeoutMs: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start on ${port} in ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => fail(error));
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
}

export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServer> {
  installExitHook();
  const binary = opts.binary ?? '/usr/bin/redis-server';
  const readyTimeoutMs = opts.readyTimeoutMs ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'pw-redis-'));
  let port = opts.port ?? (await freePort());
  let child: ChildProcess | undefined;
  // A port found free can be taken before redis binds it; try a few.
  for (let attempt = 0; ; attempt += 1) {
    try {
      child = await spawnServer(binary, port, dir, readyTimeoutMs);
      break;
    } catch (error) {
      if (opts.port !== undefined || attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      port = await freePort();
    }
  }

  const isRunning = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  async function stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const current = child;
    if (!current || !isRunning()) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(signal);
    await exited;
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    isRunning,
    async start() {
      if (isRunning()) return;
      child = await spawnServer(binary, port, dir, readyTimeoutMs);
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
