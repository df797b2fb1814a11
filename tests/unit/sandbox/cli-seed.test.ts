import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { seedWorkspace } from '@/sandbox/records/seed';

const TSX = 'node_modules/.bin/tsx';

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['sandbox/cli.ts', ...args], { env: { ...process.env, SANDBOX_API_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test.each([
  [['--port', 'abc', '--api-key', 'k'], '--port'],
  [['--opportunities', '-5', '--api-key', 'k'], '--opportunities'],
  [['--twenty-version', '0.99', '--api-key', 'k'], '--twenty-version'],
  [['--anchor', '2026-02-30', '--api-key', 'k'], '--anchor'],
  [['--webhook-url', 'not a url', '--api-key', 'k'], '--webhook-url'],
  [['--bogus', '1', '--api-key', 'k'], 'bogus'],
  [[], '--api-key'],
])('bad flags %j exit 2 with one line naming %s', async (args, flag) => {
  const { code, stderr, stdout } = await runCli(args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain(flag);
});

test('when listening it prints exactly the ready line', async () => {
  const { stdout } = await runCli(['--port', '0', '--opportunities', '10'], { SANDBOX_API_KEY: 'from-env' });
  expect(stdout).toMatch(/^Twenty demo workspace ready at http:\/\/127\.0\.0\.1:\d+\n$/);
});

test('seeds are deterministic for a seed and anchor, and differ between seeds', () => {
  const anchor = new Date('2026-11-26T00:00:00Z');
  const a = seedWorkspace({ opportunities: 150, seed: 7, anchor });
  expect(seedWorkspace({ opportunities: 150, seed: 7, anchor })).toEqual(a);
  expect(seedWorkspace({ opportunities: 150, seed: 8, anchor }).opportunities[0]?.id).not.toBe(a.opportunities[0]?.id);
});

test('the default demo has the awkward cases a real pipeline has', () => {
  const { opportunities } = seedWorkspace({ opportunities: 150, seed: 1, anchor: new Date('2026-11-26T00:00:00Z') });
  const count = (keep: (r: (typeof opportunities)[number]) => boolean) => opportunities.filter(keep).length;
  expect(new Set(opportunities.map((r) => r.stage))).toEqual(new Set(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']));
  expect(count((r) => r.amountMicros === null)).toBeGreaterThanOrEqual(2);
  expect(count((r) => r.amountMicros !== null && r.currencyCode === '')).toBeGreaterThanOrEqual(1);
  expect(count((r) => r.closeDate === null)).toBeGreaterThanOrEqual(2);
  expect(count((r) => r.deletedAt !== null)).toBe(2);
  expect(count((r) => r.currencyCode === 'EUR')).toBeGreaterThan(0);
  expect(count((r) => r.currencyCode === 'GBP')).toBeGreaterThan(0);
  expect(count((r) => r.companyId === null)).toBeGreaterThan(0);
});
