import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { DashboardView, type DashboardViewProps } from '@/components/dashboard/dashboard-view';
import type { Snapshot, TickerItem } from '@/lib/pipeline/types';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

// Server HTML is the first paint: it must already show the ticker, the badge in words and a
// picture of every chart (recharts draws no SVG on the server).

const ticker: TickerItem[] = [
  { id: 't3', at: '2026-11-26T18:51:30.000Z', kind: 'won', dealName: 'Globex', fromLabel: 'Proposal', toLabel: 'Customer', amountMicros: '120000000000', currencyCode: 'USD' },
  { id: 't2', at: '2026-11-26T18:49:00.000Z', kind: 'moved', dealName: 'Octan Energy', fromLabel: 'Meeting', toLabel: 'Proposal', amountMicros: '48000000000', currencyCode: 'USD' },
  { id: 't1', at: '2026-11-26T17:40:00.000Z', kind: 'created', amountMicros: '15000000000', currencyCode: 'EUR' },
];
const withTicker: Snapshot = { ...sampleSnapshot, ticker };

const render = (props: Partial<DashboardViewProps> = {}) =>
  renderToStaticMarkup(createElement(DashboardView, { snapshot: withTicker, connection: 'live', variant: 'page', ...props }));

const count = (html: string, needle: string) => html.split(needle).length - 1;

test('the page shows the ticker newest first, each line with its kind and an age relative to the snapshot', () => {
  const html = render();
  expect(html).toContain('data-testid="ticker"');
  const kinds = [...html.matchAll(/data-testid="ticker-item" data-kind="([a-z]+)"/g)].map((m) => m[1]);
  expect(kinds).toEqual(['won', 'moved', 'created']);
  const text = html.replace(/<[^>]+>/g, '');
  expect(text).toContain('Won: Globex · $120K');
  expect(text).toContain('Octan Energy moved Meeting → Proposal · $48K');
  expect(text).toContain('New deal · €15K');
  // asOf is 18:51:58: 28 s, 2 min and 71 min before it.
  expect(text).toContain('28 s ago');
  expect(text).toContain('2 min ago');
  expect(text).toContain('1 h ago');
  // Lines present at load are history: no slide-in, no celebration.
  expect(html).not.toContain('pw-ticker-enter');
  expect(html).not.toContain('win-celebration');
});

test('an empty ticker says so; embeds leave it out unless asked', () => {
  expect(render({ snapshot: sampleSnapshot })).toContain('data-testid="ticker-empty"');
  expect(render({ variant: 'embed' })).not.toContain('data-testid="ticker"');
  expect(render({ variant: 'embed', views: ['ticker'] })).toContain('data-testid="ticker-item"');
  expect(render({ views: ['kpis', 'stages'] })).not.toContain('data-testid="ticker"');
});

test('the badge spells out connecting, reconnecting and offline; offline looks different from live', () => {
  expect(render({ connection: 'connecting' })).toMatch(/data-state="connecting"[^>]*>.*Connecting…/);
  expect(render({ connection: 'reconnecting' })).toContain('Reconnecting…');
  const offline = render({ connection: 'offline' });
  expect(offline).toContain('Offline · last data kept');
  const badgeClass = (html: string) => /data-testid="connection-state"[^>]*class="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(badgeClass(offline)).toContain('rose');
  expect(badgeClass(render())).not.toContain('rose');
});

test('server HTML draws every chart as plain bars, one per stage or month, tallest for the biggest amount', () => {
  const html = render();
  for (const id of ['stage-chart-fallback', 'funnel-chart-fallback', 'timeline-chart-fallback']) expect(html).toContain(`data-testid="${id}"`);
  const stageFallback = html.slice(html.indexOf('stage-chart-fallback'), html.indexOf('data-testid="stage-table"'));
  const heights = [...stageFallback.matchAll(/pw-fallback-bar[^"]*" style="height:([\d.]+)%/g)].map((m) => Number(m[1]));
  expect(heights).toHaveLength(5);
  // Customer (6.34M) is the largest stage and gets the full 85 %.
  expect(Math.max(...heights)).toBe(heights[4]);
  expect(heights[4]).toBeCloseTo(85);
  expect(stageFallback).toContain('$1.97M');
  const timelineFallback = html.slice(html.indexOf('timeline-chart-fallback'));
  expect(count(timelineFallback.slice(0, timelineFallback.indexOf('</table>')), 'pw-fallback-bar')).toBe(12);
  // The stage table is real, visible HTML on the page variant.
  expect(html).toMatch(/<div><table data-testid="stage-table"/);
});

test('the TV draws no fallback: it measures its panels before any chart appears', () => {
  expect(render({ variant: 'tv' })).not.toContain('chart-fallback');
});
