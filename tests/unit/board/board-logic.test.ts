import { expect, test } from 'vitest';
import { gridExtent, missingTabsText, selectBoardTabs } from '@/lib/client/board-tabs';
import { toChartSeries, totalOf } from '@/lib/client/board-series';
import { formatWidgetFigure, formatWidgetValue } from '@/lib/client/format';
import { boardRotationPlan, FALLBACK_SLIDE_SECONDS, slideKey, slideLabel } from '@/components/tv/rotation';
import { widgetColors } from '@/components/board/widget-colors';
import { valueDomain } from '@/components/board/chart-parts';
import { stageColor } from '@/components/charts/stage-colors';
import { snapshotSchema } from '@/lib/pipeline/snapshot-schema';
import { board, boardSnapshot, widgets } from './board-fixture';

test('the fixture is a snapshot the browser accepts (the schema the stream parses with)', () => {
  expect(snapshotSchema.safeParse(boardSnapshot).success).toBe(true);
});

test('every tab by default, in the board\'s order; each with its widgets in reading order', () => {
  const { tabs, missing } = selectBoardTabs(board, widgets);
  expect(missing).toEqual([]);
  expect(tabs.map((t) => [t.number, t.tab.title])).toEqual([[1, 'Overview'], [2, 'Details']]);
  expect(tabs[0]?.widgets.map((w) => w.id)).toEqual(['w-deals', 'w-people', 'w-stage', 'w-owner']);
  expect(tabs[1]?.widgets.map((w) => w.id)).toEqual(['w-close', 'w-pie', 'w-broken']);
});

test('view=tab-N picks and orders tabs; tabs the board lacks are left out and named', () => {
  const picked = selectBoardTabs(board, widgets, [2, 1]);
  expect(picked.tabs.map((t) => t.tab.id)).toEqual(['tab-b', 'tab-a']);
  expect(missingTabsText(picked, 2)).toBeUndefined();
  const some = selectBoardTabs(board, widgets, [3, 1]);
  expect([some.tabs.map((t) => t.number), some.missing]).toEqual([[1], [3]]);
  expect(missingTabsText(some, 2)).toBe('tab-3 is not on this Twenty dashboard, so it is left out.');
  const none = selectBoardTabs(board, widgets, [4, 5]);
  expect(none.tabs).toEqual([]);
  expect(missingTabsText(none, 2)).toBe('This link asks for tab-4 and tab-5, but this Twenty dashboard has tab-1 to tab-2.');
  expect(missingTabsText(selectBoardTabs({ ...board, tabs: [] }, [], [1]), 0)).toBe('This link asks for tab-1, but this Twenty dashboard has no tabs.');
});

test('a tab\'s grid starts at its top widget', () => {
  expect(gridExtent(widgets.filter((w) => w.tab === 1))).toEqual({ firstRow: 0, rows: 8 });
  expect(gridExtent(widgets.filter((w) => w.id === 'w-stage' || w.id === 'w-owner'))).toEqual({ firstRow: 2, rows: 6 });
  expect(gridExtent([])).toEqual({ firstRow: 0, rows: 0 });
});

test('points become chart rows in Twenty\'s order, one column per series, a missing cell as zero', () => {
  const owner = widgets.find((w) => w.id === 'w-owner')?.points ?? [];
  expect(toChartSeries(owner)).toEqual({
    rows: [
      { label: 'Not Set', s0: 310, s1: 0 },
      { label: 'Tim', s0: 150, s1: 12 },
    ],
    series: [{ key: 's0', name: 'Open' }, { key: 's1', name: 'Won' }],
  });
  // Not re-sorted: Twenty's order even when it is not alphabetical or by value.
  const pie = [{ label: 'Proposal', value: 3 }, { label: 'New', value: 5 }];
  expect(toChartSeries(pie).rows.map((r) => r.label)).toEqual(['Proposal', 'New']);
  expect(totalOf(pie)).toBe(8);
});

test('widget figures: short is compact, full every digit, in the dashboard locale, never a currency', () => {
  expect(formatWidgetValue(1234567, 'en-US', 'short')).toBe('1.23M');
  expect(formatWidgetValue(1234567, 'en-US', 'full')).toBe('1,234,567');
  expect(formatWidgetValue(1234567.891, 'de-DE')).toBe('1.234.567,89');
  expect(formatWidgetValue(Number.NaN, 'en-US')).toBe('—');
  expect(formatWidgetFigure(1234567, 'en-US', { numberFormat: 'short', prefix: '~', suffix: ' deals' })).toBe('~1.23M deals');
  expect(formatWidgetFigure(17400000, 'fr-FR')).toBe('17\u202f400\u202f000');
});

test('a board TV rotates through its tabs: view=tab-N picks and orders, rotate= or 20 s each', () => {
  expect(boardRotationPlan(board.tabs, {})).toEqual([
    { tab: 1, title: 'Overview', seconds: FALLBACK_SLIDE_SECONDS },
    { tab: 2, title: 'Details', seconds: FALLBACK_SLIDE_SECONDS },
  ]);
  expect(FALLBACK_SLIDE_SECONDS).toBe(20);
  expect(boardRotationPlan(board.tabs, { tabs: [2, 7, 1], rotateSeconds: 8 })).toEqual([
    { tab: 2, title: 'Details', seconds: 8 },
    { tab: 1, title: 'Overview', seconds: 8 },
  ]);
  expect(boardRotationPlan(board.tabs, { tabs: [9] })).toEqual([]);
  expect([slideKey({ tab: 2, title: 'Details', seconds: 8 }), slideLabel({ tab: 2, title: 'Details', seconds: 8 })]).toEqual(['tab-2', 'Details']);
  expect([slideKey({ view: 'kpis', seconds: 8 }), slideLabel({ view: 'kpis', seconds: 8 })]).toEqual(['kpis', 'Key figures']);
});

test('a widget\'s colours start with its Twenty colour and stay distinct', () => {
  const colors = widgetColors('crimson', 6);
  expect(colors[0]).toBe(stageColor('crimson'));
  expect(new Set(colors).size).toBe(6);
  expect(widgetColors(undefined, 1)).toEqual([stageColor('blue')]);
  expect(new Set(widgetColors('blue', 25)).size).toBe(25);
});

test('a chart\'s value axis: Twenty\'s fixed range, else from zero, or from the lowest figure below zero', () => {
  const widget = widgets.find((w) => w.id === 'w-close');
  if (!widget) throw new Error('fixture lost its line');
  expect(valueDomain(widget, [{ label: 'a', value: 90 }])).toEqual([0, 'auto']);
  expect(valueDomain(widget, [{ label: 'a', value: -5 }])).toEqual(['dataMin', 'auto']);
  expect(valueDomain({ ...widget, display: { rangeMin: 50, rangeMax: 300 } }, [{ label: 'a', value: 90 }])).toEqual([50, 300]);
});
