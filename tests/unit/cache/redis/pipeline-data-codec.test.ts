import { describe, expect, test } from 'vitest';
import { decodePipelineData, encodePipelineData } from '@/lib/cache/redis/pipeline-data-codec';
import type { PipelineData } from '@/lib/pipeline/types';

// PipelineData through Redis (a peer builds its snapshot from it): the trend's buckets keep their
// exact bigint amounts, and data from before the trend still decodes, without one.

const base: PipelineData = {
  stageOptions: [{ value: 'NEW', label: 'New', color: 'red', position: 0 }],
  stageOptionsSource: 'metadata',
  groups: [{ stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-03', count: 2, amountMicros: 5n, amountCount: 2 }],
  topDeals: [],
  strategy: 'groupBy',
  fetchedAt: '2027-03-15T12:00:00.000Z',
};

describe('the trend across Redis', () => {
  test('weeks and buckets survive, amounts beyond 2^53 exact', () => {
    const data: PipelineData = {
      ...base,
      created: { weeks: ['2027-03-07', '2027-03-14'], buckets: [{ week: '2027-03-14', currencyCode: null, count: 3, amountMicros: 9_007_199_254_740_993n }] },
    };
    expect(decodePipelineData(JSON.parse(JSON.stringify(encodePipelineData(data))))).toEqual(data);
  });

  test('data from before the trend decodes with no `created` key at all', () => {
    const decoded = decodePipelineData(JSON.parse(JSON.stringify(encodePipelineData(base))));
    expect(decoded).toEqual(base);
    expect(decoded && 'created' in decoded).toBe(false);
  });

  test('a bucket with a malformed amount is refused, not read as zero', () => {
    const bad = { ...JSON.parse(JSON.stringify(encodePipelineData(base))), created: { weeks: ['2027-03-14'], buckets: [{ week: '2027-03-14', currencyCode: 'USD', count: 1, amountMicros: '1.5' }] } };
    expect(decodePipelineData(bad)).toBeNull();
  });
});
