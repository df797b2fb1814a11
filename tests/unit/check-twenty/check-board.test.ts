import { describe, expect, test } from 'vitest';
import { envFor, lineOf, rootFieldsSeen, runCheck, sandboxes } from './harness';

// check-twenty and published Twenty dashboards: it lists every layout the key can see with its
// tabs (tab-1, tab-2…) and widgets (chart kind, or why a widget would be left out), loads a
// `twentyDashboard` as the wall would (each widget's state), fails a name no layout has, and on
// v0.55 (no layouts) says there is nothing to publish.

const start = sandboxes();
const boards = [
  { slug: 'sales-board', title: 'Sales board', twentyDashboard: 'Sales Dashboard' },
  { slug: 'lost-board', title: 'Lost', twentyDashboard: 'No such dashboard' },
];

describe('check-twenty with published Twenty dashboards', () => {
  test('2.21: the layouts with their tabs and widgets, the board loaded widget by widget, a missing name failed', async () => {
    const s = await start({ twentyVersion: '2.21' });
    const result = await runCheck(envFor(s.url, boards));
    expect(result.out).toContain('Twenty dashboards the key can publish (twentyDashboard)');
    expect(lineOf(result.out, '"Sales Dashboard"')).toMatch(
      /[0-9a-f-]{36} · tab-1 "Overview": "Pipeline by Stage" \(bar\), "Amount by Close Month" \(line\), "Deals by Stage" \(pie\), "Open pipeline" \(number\) · tab-2 "Owners": "Opportunities by Owner" \(bar\)/,
    );
    expect(lineOf(result.out, 'sales-board')).toMatch(/^ {2}ok\s+sales-board\s+publishes "Sales Dashboard" · 2 tabs · 5 widgets \(ok: "Pipeline by Stage", .*"Opportunities by Owner"\)/);
    expect(lineOf(result.out, 'lost-board')).toMatch(/^ {2}FAIL\s+lost-board\s.*"No such dashboard": no dashboard layout/);
    expect(result.code).toBe(1);
    expect(rootFieldsSeen(s, 0)).toBeLessThanOrEqual(20);
  });

  test('v0.55: no layouts to list, and a board dashboard cannot run there', async () => {
    const s = await start({ twentyVersion: '0.55' });
    const result = await runCheck(envFor(s.url, boards.slice(0, 1)));
    expect(lineOf(result.out, 'layouts')).toMatch(/this Twenty has no dashboards to publish \(page layouts need Twenty 2\.x\)/);
    expect(lineOf(result.out, 'sales-board')).toMatch(/^ {2}FAIL\s+sales-board\s.*no dashboard layouts \(v0\.55\)/);
  });
});
