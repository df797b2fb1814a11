import { expect, test } from 'vitest';
import { nextSlideIndex, rotationPlan } from '@/components/tv/rotation';
import { takeNewWins } from '@/components/tv/won-items';
import type { TickerItem } from '@/lib/pipeline/types';
import { safeReturnTo } from '@/lib/access/unlock';

const configured = [
  { view: 'kpis' as const, seconds: 20 },
  { view: 'funnel' as const, seconds: 12 },
];

test('the rotation follows the config, view= picks and orders, rotate= sets one duration', () => {
  expect(rotationPlan(configured, {})).toEqual(configured);
  expect(rotationPlan(configured, { views: ['funnel', 'deals'] })).toEqual([
    { view: 'funnel', seconds: 12 },
    { view: 'deals', seconds: 20 },
  ]);
  expect(rotationPlan(configured, { rotateSeconds: 8 })).toEqual([
    { view: 'kpis', seconds: 8 },
    { view: 'funnel', seconds: 8 },
  ]);
  expect(nextSlideIndex(1, 2)).toBe(0);
  expect(nextSlideIndex(0, 1)).toBe(0);
});

const item = (id: string, kind: TickerItem['kind'], at: string): TickerItem => ({ id, kind, at });

test('wins already on the ticker at start are history; only later wins are celebrated, once each, oldest first', () => {
  const start = takeNewWins([], { ticker: [item('a', 'won', '2026-01-01T10:00:00Z'), item('b', 'moved', '2026-01-01T10:01:00Z')] });
  const later = takeNewWins(start.seen, {
    ticker: [item('d', 'won', '2026-01-01T10:05:00Z'), item('c', 'won', '2026-01-01T10:04:00Z'), item('a', 'won', '2026-01-01T10:00:00Z'), item('e', 'lost', '2026-01-01T10:06:00Z')],
  });
  expect(later.fresh.map((i) => i.id)).toEqual(['c', 'd']);
  expect(takeNewWins(later.seen, { ticker: [item('d', 'won', '2026-01-01T10:05:00Z')] }).fresh).toEqual([]);
  expect(takeNewWins([], {}).fresh).toEqual([]);
});

test('the seen-list stays bounded on a screen that runs for weeks', () => {
  let seen: string[] = [];
  for (let i = 0; i < 1000; i++) seen = takeNewWins(seen, { ticker: [item(`w${i}`, 'won', '2026-01-01T00:00:00Z')] }).seen;
  expect(seen.length).toBeLessThanOrEqual(200);
  expect(seen.at(-1)).toBe('w999');
});

test('after unlocking, the form goes back only to a surface of the same dashboard', () => {
  expect(safeReturnTo('board', '/tv/board?theme=dark')).toBe('/tv/board?theme=dark');
  expect(safeReturnTo('board', '/embed/board')).toBe('/embed/board');
  for (const bad of ['https://evil.example', '//evil.example/d/board', '/d/other', '/d/board/../../x', '/api/dashboards/board', undefined]) {
    expect(safeReturnTo('board', bad)).toBe('/d/board');
  }
});
