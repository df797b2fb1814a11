import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { DashboardView, type DashboardViewProps } from '@/components/dashboard/dashboard-view';
import { sampleSnapshot, staleSampleSnapshot } from '@/sandbox/sample-snapshot';

// Server-renders the dashboard (as the first paint does) and checks the hooks end-to-end tests rely on.

const render = (props: Partial<DashboardViewProps> = {}) =>
  renderToStaticMarkup(createElement(DashboardView, { snapshot: sampleSnapshot, connection: 'live', variant: 'page', ...props }));

const attr = (html: string, testId: string, name: string) => new RegExp(`data-testid="${testId}"[^>]*?${name}="([^"]*)"`).exec(html)?.[1];

test('stage rows come in Twenty order with raw counts and micros', () => {
  const html = render();
  const rows = [...html.matchAll(/data-testid="stage-row" data-stage="([A-Z_]+)"/g)].map((m) => m[1]);
  expect(rows).toEqual(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  const counts = [...html.matchAll(/data-testid="stage-count" data-value="(\d+)"/g)].map((m) => m[1]);
  expect(counts).toEqual(['42', '31', '24', '13', '57']);
  expect(html).toContain('data-testid="stage-amount" data-amount-micros="1967250000000">$1,967,250<');
  expect(html).toMatch(/data-testid="stage-label">Screening</);
});

test('KPI tiles carry their raw figures; unconverted GBP is listed, not added', () => {
  const html = render();
  expect(attr(html, 'kpi-open-value', 'data-amount-micros')).toBe('7537150000000');
  expect(attr(html, 'kpi-open-count', 'data-value')).toBe('110');
  for (const id of ['kpi-average-deal', 'kpi-won-period', 'kpi-closing-month']) expect(html).toContain(`data-testid="${id}"`);
  expect(html).toContain('$7,537,150');
  expect(html).toContain('+ £205,000');
  expect(html).toContain('≈ converted');
  expect(html).toContain('+22%');
});

test('freshness, demo and title hooks', () => {
  const html = render({ connection: 'polling' });
  expect(attr(html, 'as-of', 'data-as-of')).toBe(sampleSnapshot.asOf);
  expect(attr(html, 'connection-state', 'data-state')).toBe('polling');
  expect(html).toContain('Updating every 10 s');
  expect(html).toContain('data-testid="demo-badge"');
  expect(html).toMatch(/data-testid="dashboard-title"[^>]*>Sales pipeline</);
  expect(html).not.toContain('data-testid="stale-banner"');
  expect(render({ snapshot: { ...sampleSnapshot, demo: false } })).not.toContain('data-testid="demo-badge"');
});

test('a stale snapshot keeps its numbers and says why in words', () => {
  const html = render({ snapshot: staleSampleSnapshot, connection: 'reconnecting' });
  expect(html).toContain('data-testid="stale-banner"');
  expect(html).toContain('CRM unreachable');
  expect(html).toContain('Showing data as of');
  expect(attr(html, 'kpi-open-value', 'data-amount-micros')).toBe('7537150000000');
  const limited = render({ snapshot: { ...staleSampleSnapshot, staleReason: 'rate_limited' } });
  expect(limited).toContain('Rate limited by the CRM');
});

test('the deals table shows only the fields the server sent', () => {
  const amountOnly = sampleSnapshot.topDeals.map(({ id, amountMicros, currencyCode }) => ({ id, amountMicros, currencyCode }));
  const html = render({ snapshot: { ...sampleSnapshot, topDeals: amountOnly } });
  expect(html.match(/data-testid="deal-row"/g)).toHaveLength(amountOnly.length);
  expect(html).toContain('€365,000');
  expect(html).not.toContain('Northwind');
  expect(html).toContain('>Amount<');
  for (const hidden of ['>Deal<', '>Company<', '>Close date<']) expect(html).not.toContain(hidden);
});

test('views select what renders, and every chart has its testid', () => {
  const all = render();
  for (const id of ['stage-chart', 'funnel-chart', 'timeline-chart', 'top-deals', 'stage-table']) expect(all).toContain(`data-testid="${id}"`);
  const some = render({ views: ['kpis', 'timeline'] });
  expect(some).toContain('data-testid="timeline-chart"');
  expect(some).not.toContain('data-testid="stage-chart"');
  expect(some).not.toContain('data-testid="top-deals"');
});

test('the funnel runs over the open and won stages; a lost stage is left out (issue 13: it was open stages only)', () => {
  const withLost = { ...sampleSnapshot, stages: sampleSnapshot.stages.map((s) => (s.value === 'SCREENING' ? { ...s, isLost: true } : s)) };
  const html = render({ snapshot: withLost });
  const funnelTable = html.slice(html.indexOf('data-testid="funnel-table"'));
  const rows = funnelTable.slice(0, funnelTable.indexOf('</table>'));
  expect([...rows.matchAll(/data-testid="funnel-step" data-stage="([A-Z]+)"/g)].map((m) => m[1])).toEqual(['NEW', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  expect(rows).toContain('Customer');
  expect(rows).not.toContain('Screening');
});
