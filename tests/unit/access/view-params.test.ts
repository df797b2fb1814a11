import { expect, test } from 'vitest';
import { dataUrls, parseViewParams } from '@/lib/access/view-params';

const ok = (query: string) => {
  const result = parseViewParams(new URLSearchParams(query));
  if (!result.ok) throw new Error(`expected ${query} to parse: ${result.error}`);
  return result.params;
};
const error = (query: string) => {
  const result = parseViewParams(new URLSearchParams(query));
  if (result.ok) throw new Error(`expected ${query} to be refused`);
  return result.error;
};

test('no parameters: defaults everywhere', () => {
  expect(ok('')).toEqual({ theme: undefined, views: undefined, showTitle: true, rotateSeconds: undefined, token: undefined });
});

test('every parameter, well formed', () => {
  expect(ok('theme=transparent&view=funnel,kpis&title=0&rotate=15&token=Fe26.2*1*abcdefghijklmnop~2')).toEqual({
    theme: 'transparent',
    views: ['funnel', 'kpis'],
    showTitle: false,
    rotateSeconds: 15,
    token: 'Fe26.2*1*abcdefghijklmnop~2',
  });
});

test('unknown values are refused with a message that names the parameter', () => {
  expect(error('theme=purple')).toMatch(/theme must be light, dark or transparent/);
  expect(error('theme=')).toMatch(/theme/);
  expect(error('view=kpis,pie')).toMatch(/view must be one or more of kpis, stages, funnel, timeline, deals/);
  expect(error('view=')).toMatch(/view/);
  expect(error('view=kpis,kpis')).toMatch(/twice/);
  expect(error('title=yes')).toMatch(/title must be 0 or 1/);
  expect(error('rotate=2')).toMatch(/at least 5/);
  expect(error('rotate=99999')).toMatch(/rotate/);
  expect(error('rotate=1.5')).toMatch(/whole seconds/);
  expect(error('token=<script>')).toMatch(/token is malformed/);
  expect(error('theme=dark&theme=light')).toMatch(/theme may appear only once/);
});

test('keys we do not know (tracking, cache busters) are ignored, not refused', () => {
  expect(ok('utm_source=newsletter&_=123&theme=dark').theme).toBe('dark');
});

test('a record of search params (as Next passes them) parses the same way', () => {
  expect(parseViewParams({ view: 'deals', title: '1' })).toEqual({ ok: true, params: { theme: undefined, views: ['deals'], showTitle: true, rotateSeconds: undefined, token: undefined } });
  expect(parseViewParams({ view: ['deals', 'kpis'] }).ok).toBe(false);
});

test('the live URLs carry the token, encoded, only when there is one', () => {
  expect(dataUrls('board', undefined)).toEqual({ jsonUrl: '/api/dashboards/board', eventsUrl: '/api/dashboards/board/events' });
  const urls = dataUrls('board', 'Fe26.2*1*a+b~2');
  expect(urls.eventsUrl).toBe('/api/dashboards/board/events?token=Fe26.2*1*a%2Bb~2');
  expect(new URL(urls.jsonUrl, 'http://x').searchParams.get('token')).toBe('Fe26.2*1*a+b~2');
});
