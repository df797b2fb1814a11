import { beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { GOOD_DASHBOARDS, KEY, SECRET, SESSION, envFor, lineOf, rootFieldsSeen, runCheck, sandboxes, type RunResult } from './harness';

// A healthy workspace: exit 0, every capability and dashboard listed, within 20 root fields,
// and nothing but queries sent.

const start = sandboxes();

describe.each(['current', '0.55'] as const)('a healthy %s workspace', (version) => {
  let s: Sandbox;
  let result: RunResult;
  beforeAll(async () => {
    s = await start({ twentyVersion: version });
    result = await runCheck(envFor(s.url, GOOD_DASHBOARDS));
  });

  test('exits 0 with no problem and no settings warning', () => {
    expect(result.err).toBe('');
    expect(result.out).toMatch(/Result: 0 problems, 0 warnings → exit 0/);
    expect(result.code).toBe(0);
  });

  test('the table lists the connection, each capability and each dashboard', () => {
    expect(lineOf(result.out, 'reach')).toMatch(/^ {2}ok\s+reach\s+Twenty answered/);
    expect(lineOf(result.out, 'opportunities')).toMatch(/readable: \d+ in the workspace/);
    for (const label of ['companies', 'members', 'groupBy', 'time zones', 'owner', 'views', 'stages']) expect(lineOf(result.out, label)).not.toBe('');
    expect(lineOf(result.out, 'groupBy')).toContain(version === 'current' ? 'yes: opportunitiesGroupBy' : 'no (Twenty before 1.x)');
    expect(lineOf(result.out, 'stages')).toContain('NEW, SCREENING, MEETING, PROPOSAL, CUSTOMER');
    for (const d of GOOD_DASHBOARDS) expect(lineOf(result.out, d.slug)).toMatch(new RegExp(`^ {2}ok\\s+${d.slug}\\s`));
    expect(lineOf(result.out, 'cross-check')).toMatch(/^ {2}ok\s+cross-check\s/);
  });

  test('the cross-check forces a second strategy and finds it identical', () => {
    const line = lineOf(result.out, 'cross-check');
    if (version === 'current') expect(line).toMatch(/groupBy vs paging \(\d+ root fields\) identical: \d+ deals/);
    else expect(line).toMatch(/Twenty's count for the filter and paging agree on \d+ deals/);
  });

  test('at most 20 root fields, as the workspace counted them, and the table says how many', () => {
    const seen = rootFieldsSeen(s);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(20);
    expect(result.out).toContain(`Root fields spent: ${seen} of 20`);
  });

  test('only queries reached Twenty, and no key or secret was printed', () => {
    expect(s.log.entries().every((e) => e.operationType === 'query' && e.authorized)).toBe(true);
    expect(s.log.totals().key0?.mutation ?? 0).toBe(0);
    for (const secret of [KEY, SECRET, SESSION]) expect(result.out + result.err).not.toContain(secret);
  });

  test('it reminds the user of the webhook, safe mode and the key role', () => {
    expect(lineOf(result.out, 'target URL')).toContain('https://wall.example.com/api/webhooks/twenty');
    expect(lineOf(result.out, 'operations')).toContain('opportunity.*');
    expect(lineOf(result.out, 'secret')).toContain('TWENTY_WEBHOOK_SECRET (set)');
    expect(lineOf(result.out, 'webhook id')).toContain('optional: set TWENTY_WEBHOOK_ID');
    expect(lineOf(result.out, 'safe mode')).toContain('OUTBOUND_HTTP_SAFE_MODE_ENABLED');
    expect(lineOf(result.out, 'API key role')).toContain('roleId');
  });
});
