// What one widget's failure means, over real HTTP with Twenty's captured answers: FORBIDDEN is
// "not shared" (nothing of the widget but its place), a GraphQL refusal of this one widget is
// "unavailable", and a throttle or an HTTP-level failure (a proxy's 502) fails the whole refresh,
// so the last figures stay on screen, marked stale.
import { afterEach, expect, test } from 'vitest';
import { createCallBudget } from '@/lib/twenty/budget';
import type { TwentyObject } from '@/lib/twenty/objects';
import type { PlannedWidget } from '@/lib/twenty/board/plan';
import { readWidget } from '@/lib/twenty/board/widget-data';
import { createTransport } from '@/lib/twenty/transport';
import { startCannedServer, type CannedAnswer } from '@/tests/unit/twenty/helpers/canned-server';
import { readFixture } from '@/tests/unit/twenty/helpers/fixtures';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const OBJECT = '07152cd2-888d-452b-8699-4d3a73044824';
const objects = new Map<string, TwentyObject>([[OBJECT, { id: OBJECT, nameSingular: 'opportunity', namePlural: 'opportunities', fields: new Map([['f-amount', { name: 'amount', type: 'CURRENCY' }]]) }]]);
const planned: PlannedWidget = {
  id: 'w1', title: 'Pipeline', kind: 'bar', tab: 1, grid: { row: 0, column: 0, rowSpan: 6, columnSpan: 6 }, objectMetadataId: OBJECT,
  configuration: { configurationType: 'BAR_CHART', aggregateFieldMetadataId: 'f-amount', aggregateOperation: 'SUM', description: 'Secret plans' },
};
const captured = (file: string): CannedAnswer => ({ body: (readFixture(`real-2.21/charts/${file}`) as { response: { body: unknown } }).response.body });

async function readWith(answer: CannedAnswer) {
  const server = await startCannedServer(() => answer);
  close = server.close;
  const transport = createTransport({ apiUrl: server.url, apiKey: 'k', budget: createCallBudget({ perMinute: 6000 }), timeoutMs: 2000, fetch, log: () => {} });
  return readWidget(transport, planned, objects, new Date());
}

test('FORBIDDEN (captured): not shared, with its place and title only, not even its description', async () => {
  const read = await readWith(captured('forbidden-barChartData-seed-rockets-by-created-date-readonly-key.json'));
  expect(read.widget).toEqual({ id: 'w1', title: 'Pipeline', kind: 'bar', tab: 1, grid: planned.grid, state: 'not_shared' });
});

test('Twenty failing this one widget in GraphQL (captured: a line by a relation without subfield): unavailable, the reason kept for the log', async () => {
  const read = await readWith(captured('opportunity-line-by-pointOfContact-no-subfield-readonly-key.json'));
  expect(read.widget).toMatchObject({ state: 'unavailable' });
  expect(read.widget).not.toHaveProperty('points');
  expect(read.failure).toMatch(/Line chart data retrieval failed/);
});

test('a chart grouped by a relation the key may not read (captured: pointOfContact) is not shared', async () => {
  expect((await readWith(captured('opportunity-bar-by-pointOfContact-firstName-readonly-key.json'))).widget.state).toBe('not_shared');
});

test("a throttle (captured chart-data refusal) or a proxy's 502 fails the refresh instead", async () => {
  await expect(readWith(captured('rate-limit-metadata-first-call-101-same-endpoint.json'))).rejects.toMatchObject({ kind: 'rate_limited' });
  await expect(readWith({ status: 502, raw: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } })).rejects.toMatchObject({ kind: 'upstream_error', upstreamCode: 'HTTP 502' });
});
