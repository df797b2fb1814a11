import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { leaderboardRows } from '@/lib/pipeline/owners-board';
import type { OwnerData, OwnerDealGroup, OwnerSummary } from '@/lib/pipeline/types';
import { parseSnapshot } from '@/lib/pipeline/snapshot-schema';
import { dashboard, group, M, NOW, pipelineData } from './builders';

// NOW is 2026-11-26: the quarter is 2026-10…12. Amounts in USD; EUR at 1.08; GBP has no rate.

const ANA = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';
const CID = '33333333-3333-4333-8333-333333333333';

function owned(ownerId: string | null, partial: Parameters<typeof group>[0]): OwnerDealGroup {
  return { ...group(partial), ownerId };
}

const OWNERS: OwnerData = {
  names: { [ANA]: 'Ana Alves', [BEN]: 'Ben Brook' },
  groups: [
    owned(ANA, { stage: 'PROPOSAL', count: 2, amountMicros: 100n * M, closeMonth: '2027-01' }),
    owned(ANA, { stage: 'PROPOSAL', currencyCode: 'EUR', count: 1, amountMicros: 50n * M, closeMonth: '2026-12' }),
    owned(ANA, { stage: 'CUSTOMER', count: 1, amountMicros: 10n * M, closeMonth: '2026-07' }), // won last quarter: not counted
    owned(BEN, { stage: 'CUSTOMER', count: 3, amountMicros: 300n * M, closeMonth: '2026-11' }),
    owned(BEN, { stage: 'MEETING', currencyCode: 'GBP', count: 1, amountMicros: 70n * M, closeMonth: null }),
    owned(BEN, { stage: 'NEW', count: 4, amountMicros: 40n * M, closeMonth: '2026-10' }), // lost below
    owned(CID, { stage: 'CUSTOMER', count: 1, amountMicros: 5n * M, closeMonth: '2026-01' }), // nothing open, nothing won this period
    owned(null, { stage: 'SCREENING', count: 5, amountMicros: 500n * M, closeMonth: '2026-12' }),
    owned(null, { stage: 'CUSTOMER', currencyCode: 'EUR', count: 1, amountMicros: 100n * M, closeMonth: '2026-10' }),
  ],
};

const ungrouped = (owners: OwnerData) => owners.groups.map(({ ownerId: _, ...g }) => g);
const board = (extra: Record<string, unknown> = {}) => dashboard({ rates: { EUR: '1.08' }, lostStages: ['NEW'], fields: ['amount', 'owner'], ...extra });
const build = (extra: Record<string, unknown> = {}, owners: OwnerData = OWNERS) =>
  buildSnapshotContent(pipelineData({ groups: ungrouped(owners), owners }), board(extra), NOW, { demo: false });

describe('the owners leaderboard', () => {
  test('open and won by the KPIs rules: conversion by rate, other currencies apart, won only this period', () => {
    const owners = build().owners ?? [];
    const ana = owners.find((o) => o.id === ANA);
    expect(ana).toEqual({
      id: ANA,
      name: 'Ana Alves',
      open: { currency: 'USD', amountMicros: (154n * M).toString(), converted: true, other: [], count: 3 },
      won: { currency: 'USD', amountMicros: '0', converted: false, other: [], count: 0 },
    });
    const ben = owners.find((o) => o.id === BEN);
    expect(ben?.open).toEqual({ currency: 'USD', amountMicros: '0', converted: false, other: [{ currencyCode: 'GBP', amountMicros: (70n * M).toString() }], count: 1 });
    expect(ben?.won).toEqual({ currency: 'USD', amountMicros: (300n * M).toString(), converted: false, other: [], count: 3 });
    expect(owners.some((o) => o.id === CID)).toBe(false);
  });

  test('"No owner" is id null, named plainly, and always last; the rest by won, then open', () => {
    const owners = build().owners ?? [];
    expect(owners.map((o) => o.id)).toEqual([BEN, ANA, null]);
    expect(owners.at(-1)).toMatchObject({ id: null, name: 'No owner', open: { count: 5, amountMicros: (500n * M).toString() }, won: { count: 1, amountMicros: (108n * M).toString() } });
  });

  test('summed over owners, open and won are the KPI tiles', () => {
    const content = build();
    const owners = content.owners ?? [];
    const sum = (part: 'open' | 'won') => owners.reduce((n, o) => n + BigInt(o[part].amountMicros), 0n).toString();
    expect(sum('open')).toBe(content.kpis.openValue.amountMicros);
    expect(sum('won')).toBe(content.kpis.wonThisPeriod.amountMicros);
    expect(owners.reduce((n, o) => n + o.open.count, 0)).toBe(content.kpis.openCount);
    expect(owners.reduce((n, o) => n + o.won.count, 0)).toBe(content.kpis.wonThisPeriod.count);
  });

  test('the period rule is the KPIs: a year period counts the won deal of July', () => {
    const ana = (build({ period: 'year' }).owners ?? []).find((o) => o.id === ANA);
    expect(ana?.won).toMatchObject({ count: 1, amountMicros: (10n * M).toString() });
  });

  test('the stage filter applies to owners as to the KPIs', () => {
    const owners = build({ filter: { stages: ['CUSTOMER'] } }).owners ?? [];
    expect(owners.map((o) => o.id)).toEqual([BEN, null]);
    expect(owners.every((o) => o.open.count === 0)).toBe(true);
  });

  test('ties keep one order: won, won count, open, open count, then name', () => {
    const same = { groups: [owned(BEN, { stage: 'PROPOSAL', count: 1, amountMicros: M }), owned(ANA, { stage: 'PROPOSAL', count: 1, amountMicros: M })], names: { [ANA]: 'Ana', [BEN]: 'Ben' } };
    expect((build({}, same).owners ?? []).map((o) => o.name)).toEqual(['Ana', 'Ben']);
    const more = { ...same, groups: [...same.groups, owned(BEN, { stage: 'PROPOSAL', count: 1, amountMicros: 0n })] };
    expect((build({}, more).owners ?? []).map((o) => o.name)).toEqual(['Ben', 'Ana']);
  });

  test('a member Twenty no longer answers for is an unknown member, never dropped', () => {
    const owners = build({}, { ...OWNERS, names: {} }).owners ?? [];
    expect(owners.filter((o) => o.id !== null).map((o) => o.name)).toEqual(['Unknown member', 'Unknown member']);
  });

  test('without "owner" in fields, no owner leaves the snapshot even when the data has them', () => {
    const content = buildSnapshotContent(pipelineData({ groups: ungrouped(OWNERS), owners: OWNERS }), board({ fields: ['name', 'amount', 'stage', 'closeDate', 'company'] }), NOW, { demo: false });
    expect(content).not.toHaveProperty('owners');
    expect(JSON.stringify(content)).not.toMatch(/Ana Alves|Ben Brook|1111-4111|2222-4222/);
  });

  test('the wire schema keeps owners, and a snapshot without them still parses', () => {
    const content = build();
    const wire = JSON.parse(JSON.stringify({ ...content, asOf: NOW.toISOString(), version: 'v', stale: false, staleReason: null, staleSince: null })) as Record<string, unknown>;
    expect(parseSnapshot(wire)?.owners).toEqual(content.owners);
    const { owners: _, ...older } = wire;
    expect(parseSnapshot(older)).not.toBeNull();
  });
});

describe('the board a wall shows', () => {
  const person = (i: number, won: bigint, other: { currencyCode: string; amountMicros: string }[] = []): OwnerSummary => ({
    id: `id-${i}`,
    name: `Owner ${i}`,
    open: { currency: 'USD', amountMicros: (M * BigInt(i)).toString(), converted: i % 2 === 0, other, count: i },
    won: { currency: 'USD', amountMicros: won.toString(), converted: false, other: [], count: 1 },
  });
  const none: OwnerSummary = { id: null, name: 'No owner', open: { currency: 'USD', amountMicros: '7', converted: false, other: [], count: 7 }, won: { currency: 'USD', amountMicros: '0', converted: false, other: [], count: 0 } };

  test('the first rows ranked, the rest folded into one row per currency, No owner last', () => {
    const owners = [...Array.from({ length: 11 }, (_, i) => person(i + 1, 100n - BigInt(i), i === 9 ? [{ currencyCode: 'GBP', amountMicros: '5' }] : i === 10 ? [{ currencyCode: 'GBP', amountMicros: '6' }, { currencyCode: 'CHF', amountMicros: '1' }] : [])), none];
    const rows = leaderboardRows(owners, 8);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null, null]);
    expect(rows[8]).toMatchObject({ kind: 'others', name: '3 others', owners: 3 });
    expect(rows[8]?.open).toEqual({ currency: 'USD', amountMicros: (M * 30n).toString(), converted: true, other: [{ currencyCode: 'CHF', amountMicros: '1' }, { currencyCode: 'GBP', amountMicros: '11' }], count: 30 });
    expect(rows[8]?.won.count).toBe(3);
    expect(rows[9]).toMatchObject({ kind: 'none', name: 'No owner', open: { count: 7 } });
  });

  test('no fold when everyone fits', () => {
    expect(leaderboardRows([person(1, 1n)]).map((r) => r.kind)).toEqual(['owner']);
  });
});
