import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptionsInput } from '@/sandbox/index';
import { checkTwenty } from '@/lib/twenty/check/main';

// `npm run check-twenty` in this process, against demo workspaces on real ports, with a
// dashboards file and an environment of the test's own.

export const KEY = 'check-twenty-test-key';
export const SECRET = 'webhook-secret-for-the-check';
export const SESSION = 'a-session-password-of-at-least-32-characters';
export const NOW = new Date('2027-03-15T12:00:00Z');

/** Two of the seed's workspace members (Twenty's dev-seed ids). */
export const OWNER_IDS = ['20202020-0687-4c41-b707-ed1bfca972a7', '20202020-77d5-4cb6-b60a-f4a835a85d61'];

/** The README's example, plus one per filter kind the wall sends. */
export const GOOD_DASHBOARDS = [
  {
    slug: 'pipeline',
    title: 'Sales pipeline',
    currency: 'USD',
    rates: { EUR: '1.08' },
    filter: { stages: ['SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'], closeDate: { relative: 'this-year' } },
    fields: ['name', 'amount', 'stage', 'closeDate'],
  },
  { slug: 'raw', title: 'Everything', timeZone: 'America/New_York' },
  { slug: 'big', title: 'Big deals', filter: { minAmountMicros: '40000000000' }, lostStages: ['NEW'], timeZone: 'Asia/Kolkata', period: 'month' },
];

export type RunResult = { code: number; out: string; err: string };

/** Sandboxes of this test file, closed after it. */
export function sandboxes() {
  const started: Sandbox[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.close()));
  });
  return async (options: Partial<SandboxOptionsInput> = {}): Promise<Sandbox> => {
    const s = await startSandbox({ port: 0, apiKey: KEY, opportunities: 150, seed: 5, anchor: '2027-03-15', rateLimit: 1_000_000, ...options });
    started.push(s);
    return s;
  };
}

export function dashboardsFile(dashboards: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-check-'));
  const path = join(dir, 'dashboards.json');
  writeFileSync(path, typeof dashboards === 'string' ? dashboards : JSON.stringify({ dashboards }));
  return path;
}

export function envFor(url: string, dashboards: unknown, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    TWENTY_API_URL: url,
    TWENTY_API_KEY: KEY,
    TWENTY_WEBHOOK_SECRET: SECRET,
    SESSION_PASSWORD: SESSION,
    PUBLIC_BASE_URL: 'https://wall.example.com',
    DASHBOARDS_CONFIG: dashboardsFile(dashboards),
    UPSTREAM_TIMEOUT_MS: '5000',
    ...extra,
  };
}

export async function runCheck(env: Record<string, string | undefined>, options: { fetch?: typeof fetch } = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await checkTwenty({ env, cwd: process.cwd(), now: NOW, out: (t) => (out += t), err: (t) => (err += t), ...options });
  return { code, out, err };
}

/** Root fields the workspace saw (introspection is not among them: Twenty does not limit it). */
/** Root fields the workspace saw; with `keyIndex`, only those one key sent (not a test's own setup as a CRM user). */
export function rootFieldsSeen(s: Sandbox, keyIndex?: number): number {
  return s.log.entries().filter((e) => keyIndex === undefined || e.keyIndex === keyIndex).reduce((sum, e) => sum + e.rootFields.length, 0);
}

/** The table's line for a label, e.g. the row of one dashboard. */
export function lineOf(out: string, label: string): string {
  return out.split('\n').find((l) => new RegExp(`^  \\S+\\s+${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`).test(l)) ?? '';
}
