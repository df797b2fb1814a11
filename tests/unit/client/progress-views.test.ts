import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { TvView } from '@/components/tv/tv-views';
import { displayFor } from '@/components/dashboard/display';
import type { SelectableView } from '@/lib/config/views';
import type { Snapshot, WinRate } from '@/lib/pipeline/types';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

// Goal, win rate and funnel on the page, the embed and the TV: the numbers in text, the raw
// figures in data attributes, and a progress bar with its aria values.

const page = (snapshot: Snapshot, variant: 'page' | 'embed' = 'page') => renderToStaticMarkup(createElement(DashboardView, { snapshot, connection: 'live', variant }));
const tv = (snapshot: Snapshot, view: SelectableView) => renderToStaticMarkup(createElement(TvView, { view, snapshot, display: displayFor(snapshot, 'tv', false) }));

// Won this quarter in the sample: $1,218,400.
const withGoal = (goal: NonNullable<Snapshot['kpis']['goal']>, winRate: WinRate = { won: 12, lost: 4, percent: 75 }): Snapshot => ({
  ...sampleSnapshot,
  kpis: { ...sampleSnapshot.kpis, wonThisPeriod: { ...sampleSnapshot.kpis.wonThisPeriod, amountMicros: '1218400000000', other: [] }, goal, winRate },
});
const onTrack = withGoal({ amountMicros: '1500000000000', progressPercent: 81.2, coveragePercent: 150 });

describe('the goal', () => {
  test.each(['page', 'embed'] as const)('%s: a bar across the KPI tiles, its figures in text and aria', (variant) => {
    const html = page(onTrack, variant);
    expect(html).toContain('data-testid="kpi-goal" data-goal-micros="1500000000000" data-progress-percent="81.2" data-coverage-percent="150"');
    expect(html).toContain('Goal this quarter: <span class="font-semibold text-(--pw-text) tabular-nums">$1,500,000</span>');
    expect(html).toMatch(/data-testid="goal-progress">81\.2%</);
    expect(html).toContain('role="progressbar" aria-label="Goal this quarter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="81.2"');
    expect(html).toContain('aria-valuetext="81.2% of the $1,500,000 goal: $1,218,400 won, $281,600 to go, 150.0% of it covered by open deals closing in the period"');
    expect(html).toContain('style="width:81.2%"');
  });

  test('a goal met: the bar stops full, the text says how far past it, no coverage', () => {
    const html = page(withGoal({ amountMicros: '1000000000000', progressPercent: 121.8, coveragePercent: null }));
    expect(html).toContain('aria-valuenow="100"');
    expect(html).toMatch(/data-testid="goal-progress">121\.8%</);
    expect(html).toContain('goal met');
    expect(html).not.toContain('data-testid="goal-coverage"');
  });

  test('no goal, or a snapshot from before goals: no goal bar at all', () => {
    expect(page({ ...onTrack, kpis: { ...onTrack.kpis, goal: null } })).not.toContain('kpi-goal');
    expect(page(sampleSnapshot)).not.toContain('kpi-goal');
    expect(tv(sampleSnapshot, 'kpis')).not.toContain('kpi-goal');
  });

  test('TV: the goal row, compact money, the same percentages', () => {
    const html = tv(onTrack, 'kpis');
    expect(html).toContain('data-goal="true"');
    expect(html).toContain('data-testid="kpi-goal" data-goal-micros="1500000000000" data-progress-percent="81.2"');
    expect(html).toMatch(/data-testid="goal-progress">81\.2%</);
    expect(html).toMatch(/aria-valuenow="81\.2" aria-valuetext="81\.2% of the \$1\.5M goal: \$1\.22M won, \$282K to go/);
    expect(html).toMatch(/data-testid="goal-coverage">150\.0%</);
  });
});

describe('the win rate', () => {
  test('in the won tile, on the page and the TV', () => {
    for (const html of [page(onTrack), tv(onTrack, 'kpis')]) {
      expect(html).toContain('data-testid="kpi-win-rate" data-percent="75" data-won="12" data-lost="4"');
      expect(html).toContain('Win rate 75.0% · 12 won, 4 lost');
    }
  });

  test('not shown without a rate (no lost stages, nothing closed) or in an older snapshot', () => {
    expect(page({ ...onTrack, kpis: { ...onTrack.kpis, winRate: { won: 3, lost: 0, percent: null } } })).not.toContain('kpi-win-rate');
    expect(page(sampleSnapshot)).not.toContain('kpi-win-rate');
  });
});

describe('the funnel', () => {
  const funnel = [
    { value: 'NEW', reached: 90, conversionPercent: null },
    { value: 'MEETING', reached: 45, conversionPercent: 50 },
    { value: 'CUSTOMER', reached: 15, conversionPercent: 33.3 },
  ];

  test("the snapshot's steps, with reached and conversion in the text alternative", () => {
    const html = page({ ...sampleSnapshot, funnel });
    expect(html).toContain('data-testid="funnel-step" data-stage="MEETING" data-reached="45" data-conversion-percent="50"><th scope="row">Meeting</th><td>45</td><td>50.0%</td>');
    expect(html).toContain('data-stage="NEW" data-reached="90" data-conversion-percent=""><th scope="row">New</th><td>90</td><td>—</td>');
    // The server-drawn stand-in shows both figures on each bar.
    expect(html).toContain('45 · 50.0%');
    expect(html).toContain('15 · 33.3%');
  });

  test('an older snapshot without a funnel gets the same one derived from its stages', () => {
    const html = page(sampleSnapshot);
    // Sample stages: 42, 31, 24, 13 open and 57 won.
    expect(html).toContain('data-stage="NEW" data-reached="167" data-conversion-percent=""');
    expect(html).toContain('data-stage="SCREENING" data-reached="125" data-conversion-percent="74.9"');
    expect(html).toContain('data-stage="CUSTOMER" data-reached="57" data-conversion-percent="81.4"');
  });

  test('TV: the funnel slide carries the text alternative too', () => {
    const html = tv({ ...sampleSnapshot, funnel }, 'funnel');
    expect(html).toContain('data-testid="funnel-step" data-stage="CUSTOMER" data-reached="15" data-conversion-percent="33.3"');
  });
});
