// A view dashboard's data crosses Redis with the view it was fetched with, so a peer places
// deliveries as exactly as the instance that fetched it; a malformed view makes the data unreadable.
import { expect, test } from 'vitest';
import { decodePipelineData, encodePipelineData } from '@/lib/cache/redis/pipeline-data-codec';
import type { PipelineData } from '@/lib/pipeline/types';

const data: PipelineData = {
  stageOptions: [{ value: 'NEW', label: 'New', color: 'red', position: 0 }],
  stageOptionsSource: 'metadata',
  groups: [{ stage: 'NEW', currencyCode: 'USD', closeMonth: '2026-11', count: 2, amountMicros: 5_000_000n, amountCount: 2 }],
  topDeals: [],
  strategy: 'groupBy',
  fetchedAt: '2026-11-26T15:00:00.000Z',
};

test.each([
  { viewId: 'v', exact: true as const, stages: ['NEW'], closeDate: { from: '2026-01-01T00:00:00.000Z', to: null }, ownerIds: null, minAmountMicros: '100000000000' },
  { viewId: 'v', exact: false as const },
])('the view survives the round trip: %o', (view) => {
  expect(decodePipelineData(JSON.parse(JSON.stringify(encodePipelineData({ ...data, view }))))).toEqual({ ...data, view });
});

test('data without a view stays without one, and a malformed view is refused', () => {
  expect(decodePipelineData(JSON.parse(JSON.stringify(encodePipelineData(data))))).toEqual(data);
  expect(decodePipelineData({ ...(encodePipelineData(data) as object), view: { viewId: 'v', exact: true } })).toBeNull();
});
