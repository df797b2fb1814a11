import { beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { SECRET, SESSION, dashboardsFile, envFor, lineOf, runCheck, sandboxes } from './harness';

// Bad settings exit 2 with the app's own one-line message and never reach Twenty; settings the
// app tolerates are warnings and do not fail the check.

const start = sandboxes();
const RAW = [{ slug: 'raw', title: 'Everything' }];

describe('bad settings: exit 2, one line, nothing sent', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await start();
  });

  test.each([
    ['no TWENTY_API_URL', { TWENTY_API_URL: undefined }, /^Invalid setting: TWENTY_API_URL is required/],
    ['a TWENTY_API_URL that is no URL', { TWENTY_API_URL: 'crm.example.com' }, /^Invalid setting: TWENTY_API_URL must be a URL/],
    ['a key too short to be one', { TWENTY_API_KEY: 'abc' }, /^Invalid setting: TWENTY_API_KEY looks too short/],
    ['a webhook id that is no UUID', { TWENTY_WEBHOOK_ID: 'my-webhook' }, /^Invalid setting: TWENTY_WEBHOOK_ID must be the webhook's id/],
    ['an unreadable dashboards file', { DASHBOARDS_CONFIG: '/nonexistent/dashboards.json' }, /^Invalid setting: DASHBOARDS_CONFIG cannot read/],
    ['a dashboards file that is not JSON', { DASHBOARDS_CONFIG: dashboardsFile('{ "dashboards": [') }, /is not valid JSON/],
    ['a bad slug', { DASHBOARDS_CONFIG: dashboardsFile([{ slug: 'Not OK', title: 'x' }]) }, /"dashboards\.0\.slug" a slug is lowercase/],
    [
      'a link dashboard without SESSION_PASSWORD',
      { SESSION_PASSWORD: undefined, DASHBOARDS_CONFIG: dashboardsFile([{ slug: 'private', title: 'P', access: 'link' }]) },
      /^Invalid setting: SESSION_PASSWORD is required/,
    ],
  ])('%s', async (_name, extra, message) => {
    s.log.clear();
    const { code, out, err } = await runCheck(envFor(s.url, RAW, extra));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
    expect(s.log.entries()).toHaveLength(0);
  });

  test('the message never carries a secret value', async () => {
    const { code, err } = await runCheck(envFor(s.url, RAW, { SESSION_PASSWORD: 'short-password', TWENTY_WEBHOOK_SECRET: 'tiny' }));
    expect(code).toBe(2);
    expect(err).not.toContain('short-password');
    expect(err).not.toContain('tiny');
  });
});

describe('warnings do not fail the check', () => {
  test('no webhook secret, session password or public URL: exit 0, three warnings naming them', async () => {
    const s = await start();
    const { code, out } = await runCheck(envFor(s.url, RAW, { TWENTY_WEBHOOK_SECRET: undefined, SESSION_PASSWORD: undefined, PUBLIC_BASE_URL: undefined }));
    expect(lineOf(out, 'TWENTY_WEBHOOK_SECRET')).toMatch(/^ {2}WARN\s+TWENTY_WEBHOOK_SECRET\s+not set: the wall refuses every webhook delivery/);
    expect(lineOf(out, 'SESSION_PASSWORD')).toMatch(/^ {2}WARN\s+SESSION_PASSWORD\s+not set/);
    expect(lineOf(out, 'PUBLIC_BASE_URL')).toMatch(/^ {2}WARN\s+PUBLIC_BASE_URL\s+not set/);
    expect(lineOf(out, 'target URL')).toContain('https://<your wall>/api/webhooks/twenty');
    expect(lineOf(out, 'secret')).toContain('TWENTY_WEBHOOK_SECRET (not set)');
    expect(out).toMatch(/Result: 0 problems, 3 warnings → exit 0/);
    expect(code).toBe(0);
  });

  test('a wall on a private address: the safe-mode line becomes a warning', async () => {
    const s = await start();
    const { code, out } = await runCheck(envFor(s.url, RAW, { PUBLIC_BASE_URL: 'http://192.168.1.20:3000', TWENTY_WEBHOOK_ID: '0b9e6f6c-1b2a-4c3d-8e9f-0a1b2c3d4e5f' }));
    expect(lineOf(out, 'webhook id')).toContain('TWENTY_WEBHOOK_ID is set');
    expect(lineOf(out, 'safe mode')).toMatch(/^ {2}WARN\s+safe mode\s+192\.168\.1\.20 is a loopback or private address: .*OUTBOUND_HTTP_SAFE_MODE_ENABLED/);
    expect(lineOf(out, 'target URL')).toContain('http://192.168.1.20:3000/api/webhooks/twenty');
    expect(code).toBe(0);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(SESSION);
  });
});
