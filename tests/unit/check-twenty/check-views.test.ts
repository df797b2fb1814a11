import { beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { createView, deleteView, USER } from '@/tests/unit/twenty/views/view-workspace';
import { envFor, lineOf, rootFieldsSeen, runCheck, sandboxes, type RunResult } from './harness';

// check-twenty on dashboards scoped by saved views: each view's row says found (name, id), its
// filters translated, and whether live updates are exact; it warns about a name several views
// share, a name no listed view has, and a DELETED view (Twenty keeps applying its filters), and
// the dashboard's own row fails with the wall's refusal. On v0.55 (no views) the same.

const start = sandboxes();

const dashboards = (gone: string) => [
  { slug: 'big', title: 'Big deals', twentyView: 'Big deals' },
  { slug: 'either', title: 'New or huge', twentyView: 'New or huge', filter: { stages: ['NEW', 'PROPOSAL'] } },
  { slug: 'twins', title: 'Twins', twentyView: 'Twins' },
  { slug: 'nowhere', title: 'Nowhere', twentyView: 'No such view' },
  { slug: 'gone', title: 'Gone', twentyView: gone },
];

describe('a 2.21 workspace with saved views', () => {
  let s: Sandbox;
  let result: RunResult;
  beforeAll(async () => {
    s = await start({ twentyVersion: '2.21', userTokens: [USER] });
    await createView(s, { name: 'Twins' });
    await createView(s, { name: 'Twins' });
    const gone = await createView(s, { name: 'Soon gone', filters: [{ field: 'stage', operand: 'IS', value: '["CUSTOMER"]' }] });
    await deleteView(s, gone);
    result = await runCheck(envFor(s.url, dashboards(gone)));
  });

  test('a usable view: found, translated, live updates exact or refreshed', () => {
    expect(lineOf(result.out, 'big view')).toMatch(/^ {2}ok\s+big view\s+"Big deals" \([0-9a-f-]{36}\) found · filters translated · live updates exact/);
    expect(lineOf(result.out, 'big')).toMatch(/^ {2}ok\s+big\s+groupBy/);
    expect(lineOf(result.out, 'either view')).toMatch(/^ {2}ok\s.*"New or huge".*each live update refreshes/);
    expect(lineOf(result.out, 'either')).toMatch(/^ {2}ok\s+either\s+groupBy/);
  });

  test('warns about an ambiguous name, a missing name and a deleted view; their dashboards fail', () => {
    expect(lineOf(result.out, 'twins view')).toMatch(/^ {2}WARN\s.*2 opportunity views have this name.*name it by id/);
    expect(lineOf(result.out, 'nowhere view')).toMatch(/^ {2}WARN\s.*UNLISTED view can be named only by id/);
    expect(lineOf(result.out, 'gone view')).toMatch(/^ {2}WARN\s.*is a DELETED view: Twenty still applies its filters \(\d+ of \d+ deals\)/);
    for (const slug of ['twins', 'nowhere', 'gone']) expect(lineOf(result.out, slug)).toMatch(new RegExp(`^ {2}FAIL\\s+${slug}\\s+the wall cannot run this dashboard on this server: saved view`));
    expect(result.code).toBe(1);
  });

  test('within the 20 root fields (the check\'s key; the views were made by a CRM user)', () => {
    const spent = rootFieldsSeen(s, 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(20);
    expect(result.out).toContain(`Root fields spent: ${spent} of 20`);
  });
});

describe('a view whose filters the wall cannot translate', () => {
  test('warns on the view with the reason, and its dashboard fails with the refusal', async () => {
    const s = await start({ twentyVersion: '2.21', userTokens: [USER] });
    await createView(s, { name: 'Due today', filters: [{ field: 'closeDate', operand: 'IS_TODAY', value: '' }] });
    const result = await runCheck(envFor(s.url, [{ slug: 'today', title: 'Due today', twentyView: 'Due today' }]));
    expect(lineOf(result.out, 'today view')).toMatch(/^ {2}WARN\s+today view\s+"Due today" \([0-9a-f-]{36}\) found, but its filters cannot be applied exactly \(.*IS_TODAY.*\): the wall refuses/);
    expect(lineOf(result.out, 'today')).toMatch(/^ {2}FAIL\s+today\s.*its filters cannot be applied exactly/);
  });
});

describe('Twenty v0.55, which has no saved views', () => {
  test('warns on the view and fails its dashboard; the others pass', async () => {
    const s = await start({ twentyVersion: '0.55' });
    const result = await runCheck(envFor(s.url, [{ slug: 'big', title: 'Big deals', twentyView: 'Big deals' }, { slug: 'raw', title: 'Everything' }]));
    expect(lineOf(result.out, 'big view')).toMatch(/^ {2}WARN\s.*no saved views \(v0\.55/);
    expect(lineOf(result.out, 'big')).toMatch(/^ {2}FAIL\s+big\s+the wall cannot run this dashboard on this server: saved view "Big deals": this Twenty has no saved-view API/);
    expect(lineOf(result.out, 'raw')).toMatch(/^ {2}ok\s+raw\s/);
  });
});
