import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { DashboardView, type DashboardViewProps } from '@/components/dashboard/dashboard-view';
import { TvWall } from '@/components/tv/tv-wall';
import { sampleSnapshot, staleSampleSnapshot } from '@/sandbox/sample-snapshot';
import { PieWidget } from '@/components/board/pie-widget';
import { boardSnapshot, widgets } from './board-fixture';

// Server-renders a published Twenty dashboard (as the first paint does) and checks the figures and
// hooks the end-to-end tests read: every widget by id, every point's raw value, each state in words.

const render = (props: Partial<DashboardViewProps> = {}) =>
  renderToStaticMarkup(createElement(DashboardView, { snapshot: boardSnapshot, connection: 'live', variant: 'page', ...props }));

/** The opening tag of the element with this test id. */
const tagOf = (html: string, testId: string) => new RegExp(`<[a-z0-9]+ [^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';
/** The rows of one widget's table: [label, series, value]. */
function pointsOf(html: string, widgetId: string): string[][] {
  const start = html.indexOf(`data-testid="widget-${widgetId}"`);
  const end = html.indexOf('</section>', start);
  return [...html.slice(start, end).matchAll(/data-testid="widget-point" data-label="([^"]*)" data-series="([^"]*)" data-value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']);
}

test('each tab is a section under its title, widgets inside it by id, kind and state', () => {
  const html = render();
  expect([...html.matchAll(/data-testid="board-tab-title"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Overview', 'Details']);
  for (const id of ['w-stage', 'w-owner', 'w-deals', 'w-people', 'w-close', 'w-pie', 'w-broken']) expect(html).toContain(`data-testid="widget-${id}"`);
  expect(tagOf(html, 'widget-w-owner')).toContain('data-kind="bar"');
  expect(tagOf(html, 'widget-w-people')).toContain('data-state="not_shared"');
  // No pipeline view on a board dashboard; the header and its freshness stay.
  expect(html).not.toContain('data-testid="stage-table"');
  expect(html).not.toContain('data-testid="kpi-open-value"');
  expect(html).toMatch(/data-testid="dashboard-title"[^>]*>Sales pipeline</);
  expect(html).toContain('data-testid="as-of"');
});

test('every point is in its widget\'s table with Twenty\'s raw value, label and series, in Twenty\'s order', () => {
  const html = render();
  expect(pointsOf(html, 'w-stage')).toEqual([['New', '', '0'], ['Screening', '', '1250000.5'], ['Proposal', '', '17400000'], ['Customer', '', '3600000']]);
  expect(pointsOf(html, 'w-owner')).toEqual([['Not Set', 'Open', '310'], ['Tim', 'Open', '150'], ['Tim', 'Won', '12']]);
  expect(pointsOf(html, 'w-pie')).toEqual([['Proposal', '', '3'], ['New', '', '5']]);
  // Amounts are Twenty's currency units: plain numbers, no currency symbol.
  expect(html).toContain('<td>17,400,000</td>');
  expect(html).not.toMatch(/\$17/);
});

test('Twenty\'s caveats and the widget states are said in words', () => {
  const html = render();
  const stage = html.slice(html.indexOf('data-testid="widget-w-stage"'), html.indexOf('data-testid="widget-w-owner"'));
  expect(stage).toContain('as computed by Twenty');
  expect(html.match(/data-testid="widget-too-many-groups"/g)).toHaveLength(1);
  expect(html).toContain('Twenty has more groups than it returned');
  const people = html.slice(html.indexOf('data-testid="widget-w-people"'));
  expect(people.slice(0, people.indexOf('</section>'))).toMatch(/People by city.*Not shared with this wall/);
  expect(people.slice(0, people.indexOf('</section>'))).not.toContain('widget-point');
  expect(html).toContain('data-testid="widget-unavailable"');
  expect(html).toContain('Twenty could not compute this widget right now');
});

test('a number widget is one figure with prefix and suffix; a pie may show its total', () => {
  expect(render()).toMatch(/data-testid="widget-figure" data-value="1234567">~1.23M deals</);
  // Charts draw once their box is measured in the browser; drawn at a given height here.
  const pie = widgets.find((w) => w.id === 'w-pie');
  if (!pie) throw new Error('fixture lost its pie');
  const display = { locale: 'en-US', currency: 'USD', timeZone: 'UTC', variant: 'page' as const, animate: false };
  const html = renderToStaticMarkup(createElement(PieWidget, { widget: pie, points: pie.points ?? [], display, height: 300 }));
  expect(html).toMatch(/data-testid="widget-total" data-value="8"[^>]*>8</);
  expect([...html.matchAll(/class="pw-pie-legend-label">([^<]*)</g)].map((m) => m[1])).toEqual(['Proposal', 'New']);
  const hidden = renderToStaticMarkup(createElement(PieWidget, { widget: { ...pie, display: { showLegend: false } }, points: pie.points ?? [], display, height: 300 }));
  expect(hidden).not.toContain('widget-total');
  expect(hidden).not.toContain('pw-pie-legend');
});

test('view=tab-2,tab-1 orders the sections; missing tabs are named, none left says so', () => {
  expect([...render({ tabs: [2, 1] }).matchAll(/data-testid="board-tab" data-tab="(\d)"/g)].map((m) => m[1])).toEqual(['2', '1']);
  const some = render({ tabs: [2, 3] });
  expect(some).toContain('tab-3 is not on this Twenty dashboard');
  expect(some).not.toContain('data-testid="widget-w-stage"');
  const none = render({ tabs: [5] });
  expect(none).toContain('data-testid="board-missing-tabs"');
  expect(none).not.toContain('data-testid="board-tab"');
});

test('a stale board keeps its figures under the banner; a pipeline dashboard draws no board', () => {
  const stale = render({ snapshot: { ...boardSnapshot, stale: true, staleReason: staleSampleSnapshot.staleReason, staleSince: staleSampleSnapshot.staleSince } });
  expect(stale).toContain('data-testid="stale-banner"');
  expect(pointsOf(stale, 'w-close')).toEqual([['Jan 2026', '', '100'], ['Feb 2026', '', '250']]);
  const pipeline = render({ snapshot: sampleSnapshot });
  expect(pipeline).not.toContain('data-testid="board"');
  expect(pipeline).toContain('data-testid="stage-table"');
});

const tv = (board: { tabs?: number[]; rotateSeconds?: number } | undefined, snapshot = boardSnapshot) =>
  renderToStaticMarkup(createElement(TvWall, { initial: snapshot, eventsUrl: '/e', jsonUrl: '/j', slides: [{ view: 'kpis', seconds: 20 }], board, showTitle: true, theme: 'dark', buildId: 'b' }));

test('a board TV shows one tab per slide under its title, the progress bar naming the tabs', () => {
  const first = tv(undefined);
  expect(tagOf(first, 'tv-wall')).toContain('data-view="tab-1"');
  expect(first).toMatch(/data-testid="tv-slide-title">Overview</);
  expect(first).toContain('data-testid="widget-w-stage"');
  expect(first).not.toContain('data-testid="widget-w-close"');
  expect([...first.matchAll(/class="tv-step"[^>]*><span>([^<]*)</g)].map((m) => m[1])).toEqual(['Overview', 'Details']);
  const picked = tv({ tabs: [2, 1], rotateSeconds: 8 });
  expect(picked).toMatch(/data-testid="tv-slide-title">Details</);
  expect(picked).toContain('--slide-duration:8s');
  expect(tv({ tabs: [9] })).toContain('data-testid="board-missing-tabs"');
  // The pipeline TV is unchanged: its configured views, no board.
  const pipeline = tv(undefined, sampleSnapshot);
  expect(tagOf(pipeline, 'tv-wall')).toContain('data-view="kpis"');
  expect(pipeline).not.toContain('tv-slide-title');
});
