import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodePipelineData, encodePipelineData } from '@/lib/cache/redis/pipeline-data-codec';
import { groupByGroupSchema } from '@/lib/twenty/group-by-response';
import { displayName } from '@/lib/twenty/member-names';
import { groupDealsByOwner, toOwnerGroups, withoutOwner } from '@/lib/twenty/owner-groups';
import { TwentyError } from '@/lib/twenty/errors';

// The owner dimension as real Twenty 2.21 answers it (ownerId: raw UUID strings, null for no
// owner) and as the app splits it off; names as workspaceMembers gives them.

const CAPTURES = '../shared/twenty-fixtures/real-2.21/views-dashboards';
const read = (file: string) => JSON.parse(readFileSync(`${CAPTURES}/${file}`, 'utf8')) as { response: { body: { data: Record<string, unknown> } } };
const log = () => {};
const M = 1_000_000n;

describe('owner groups', () => {
  test('the captured ownerId group-by parses: raw ids, null for no owner', () => {
    const raw = (read('q4-ownerId-key-variable-readonly-key.json').response.body.data.opportunitiesGroupBy as unknown[]).map((g) => groupByGroupSchema.parse(g));
    const ids = raw.map((g) => g.groupByDimensionValues?.[0] ?? null);
    expect(ids).toContain(null);
    expect(ids.filter((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))).toHaveLength(3);
  });

  test('ownerId first, then stage × currency × month; "" currencies merge with null ones per owner', () => {
    const raw = [
      { groupByDimensionValues: ['m1', 'PROPOSAL', 'USD', '2026-11-01T00:00:00.000Z'], totalCount: 2, sumAmountAmountMicros: 3e6, avgAmountAmountMicros: 1.5e6 },
      { groupByDimensionValues: [null, 'PROPOSAL', 'USD', '2026-11-01T00:00:00.000Z'], totalCount: 1, sumAmountAmountMicros: 4e6, avgAmountAmountMicros: 4e6 },
      { groupByDimensionValues: ['m1', 'NEW', '', null], totalCount: 1, sumAmountAmountMicros: null, avgAmountAmountMicros: null },
      { groupByDimensionValues: ['m1', 'NEW', null, null], totalCount: 2, sumAmountAmountMicros: null, avgAmountAmountMicros: null },
    ].map((g) => groupByGroupSchema.parse(g));
    expect(toOwnerGroups(raw, log)).toEqual([
      { ownerId: 'm1', stage: 'NEW', currencyCode: null, closeMonth: null, count: 3, amountMicros: 0n, amountCount: 0 },
      { ownerId: 'm1', stage: 'PROPOSAL', currencyCode: 'USD', closeMonth: '2026-11', count: 2, amountMicros: 3n * M, amountCount: 2 },
      { ownerId: null, stage: 'PROPOSAL', currencyCode: 'USD', closeMonth: '2026-11', count: 1, amountMicros: 4n * M, amountCount: 1 },
    ]);
    expect(withoutOwner(raw)[1]?.groupByDimensionValues).toEqual(['PROPOSAL', 'USD', '2026-11-01T00:00:00.000Z']);
  });

  test('an owner value that is no member id is Twenty\'s fault, not a silent "No owner"', () => {
    const raw = [groupByGroupSchema.parse({ groupByDimensionValues: [42, 'NEW', 'USD', null], totalCount: 1, sumAmountAmountMicros: 0 })];
    expect(() => toOwnerGroups(raw, log)).toThrow(TwentyError);
  });

  test('paged deals group by owner the way the buckets do', () => {
    const deal = (ownerId: string | null, amountMicros: bigint | null) => ({ stage: 'MEETING', amountMicros, currencyCode: 'EUR', closeDate: '2026-12-31T23:30:00.000Z', ownerId });
    expect(groupDealsByOwner([deal('m2', 5n), deal('m2', null), deal(null, 7n)], 'Europe/Paris')).toEqual([
      { ownerId: 'm2', stage: 'MEETING', currencyCode: 'EUR', closeMonth: '2027-01', count: 2, amountMicros: 5n, amountCount: 1 },
      { ownerId: null, stage: 'MEETING', currencyCode: 'EUR', closeMonth: '2027-01', count: 1, amountMicros: 7n, amountCount: 1 },
    ]);
  });
});

test('member names as the captured workspaceMembers answer gives them', () => {
  const edges = (read('q5-workspaceMembers-readonly-key.json').response.body.data.workspaceMembers as { edges: { node: { name: { firstName: string; lastName: string } } }[] }).edges;
  expect(displayName(edges[0]?.node.name)).toBe('Tim Apple');
  expect(displayName({ firstName: ' Jony ', lastName: '' })).toBe('Jony');
  expect(displayName(null)).toBe('');
});

test("owners' data survives Redis between instances, bigints exact", () => {
  const data = {
    stageOptions: [],
    stageOptionsSource: 'metadata' as const,
    groups: [],
    topDeals: [],
    strategy: 'groupBy' as const,
    fetchedAt: '2026-11-26T12:00:00.000Z',
    owners: {
      names: { m1: 'Ana Alves' },
      groups: [
        { ownerId: 'm1', stage: 'NEW', currencyCode: 'USD', closeMonth: null, count: 1, amountMicros: 123_456_789_012_345_678_901n, amountCount: 1 },
        { ownerId: null, stage: 'NEW', currencyCode: null, closeMonth: '2026-11', count: 2, amountMicros: 0n },
      ],
    },
  };
  const back = decodePipelineData(JSON.parse(JSON.stringify(encodePipelineData(data))));
  expect(back).toEqual(data);
  expect(back?.owners?.groups[1]).not.toHaveProperty('amountCount');
});
