import { spawn } from 'node:child_process';
import { beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import type { Sandbox } from '@/sandbox/index';
import { KEY, envFor, sandboxes } from './harness';

// The real command, as a user runs it: `npx tsx scripts/check-twenty.ts` with the environment
// pointing at a demo workspace on a random port.

const start = sandboxes();
let s: Sandbox;
beforeAll(async () => {
  s = await start();
});

function runCli(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' as const };
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/check-twenty.ts'], { env: { ...base, ...env }, cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const requestsSchema = z.object({ requests: z.array(z.object({ operationType: z.string(), rootFields: z.array(z.string()) })) });

async function requestLog() {
  const res = await fetch(`${s.url}/__sandbox/requests`, { headers: { authorization: `Bearer ${KEY}` } });
  return requestsSchema.parse(await res.json()).requests;
}

test('all good: exit 0, the table on stdout, at most 20 root fields in the workspace log, queries only', async () => {
  await fetch(`${s.url}/__sandbox/requests/reset`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } });
  const { code, stdout, stderr } = await runCli(envFor(s.url, [{ slug: 'raw', title: 'Everything' }]));
  expect(stderr).toBe('');
  expect(stdout).toMatch(/^Pipeline Wall · Twenty connection check\n/);
  expect(stdout).toMatch(/\n {2}ok\s+raw\s+groupBy · \d+ deals/);
  expect(stdout).toMatch(/Result: 0 problems, 0 warnings → exit 0\n$/);
  expect(code).toBe(0);
  const log = await requestLog();
  const spent = log.reduce((sum, e) => sum + e.rootFields.length, 0);
  expect(spent).toBeLessThanOrEqual(20);
  expect(stdout).toContain(`Root fields spent: ${spent} of 20`);
  expect(log.every((e) => e.operationType === 'query')).toBe(true);
  expect(stdout).not.toContain(KEY);
});

test('a revoked key: exit 1 naming it', async () => {
  await fetch(`${s.url}/__sandbox/faults`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ mode: 'revoked-key' }) });
  try {
    const { code, stdout } = await runCli(envFor(s.url, [{ slug: 'raw', title: 'Everything' }]));
    expect(stdout).toMatch(/\n {2}FAIL\s+key\s+Twenty refused the key: it has been revoked/);
    expect(code).toBe(1);
  } finally {
    s.setFault({ mode: 'none' });
  }
});

test('bad settings: exit 2 with one line on stderr', async () => {
  const { code, stdout, stderr } = await runCli(envFor(s.url, [{ slug: 'raw', title: 'Everything' }], { TWENTY_API_URL: undefined }));
  expect(stdout).toBe('');
  expect(stderr).toMatch(/^Invalid setting: TWENTY_API_URL is required[^\n]*\n$/);
  expect(code).toBe(2);
});
