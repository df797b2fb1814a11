import { describe, expect, test } from 'vitest';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { TwentyError } from '@/lib/twenty/errors';
import { dashboardFilterParts, knownStageValues, microsLiteral, openStagesOf, toFilterInput } from '@/lib/twenty/filters';
import { dealPageDocument } from '@/lib/twenty/pager';
import { v055CoreSchema } from './helpers/fixtures';
import { variableErrors } from './helpers/documents';

const STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'];
const v055: Capabilities = {
  groupBy: false,
  groupByTypeName: null,
  groupByArgs: [],
  groupByTimeZone: false,
  stageFilter: { kind: 'enum', typeName: 'OpportunityStageEnumFilter', values: STAGES },
  ownerFilter: false,
  amountMicrosFilter: 'BigFloatFilter',
  pageSize: 60,
  connectionFields: [],
  groupFields: [],
};
const now = new Date('2027-05-15T12:00:00Z');

function partsFor(filter: Record<string, unknown>, caps: Capabilities = v055, timeZone = 'UTC') {
  const lines: Record<string, unknown>[] = [];
  const dashboard = dashboardDefaults({ slug: 'd', title: 'D', filter, timeZone });
  const parts = dashboardFilterParts(dashboard, { caps, knownStages: STAGES, now, log: (l) => lines.push(l) });
  return { parts, lines };
}

/** Every filter is checked the way Twenty checks variables: against the real v0.55 schema. */
function coercesOnV055(parts: object[]) {
  return variableErrors(v055CoreSchema(), dealPageDocument(true), { filter: toFilterInput(parts as never), first: 60 });
}

describe('each option of a locked filter', () => {
  test('no filter means every deal', () => {
    expect(partsFor({}).parts).toEqual([]);
    expect(toFilterInput([])).toEqual({});
  });

  test('stages become `in` with values the server knows', () => {
    const { parts } = partsFor({ stages: ['PROPOSAL', 'CUSTOMER'] });
    expect(parts).toEqual([{ stage: { in: ['PROPOSAL', 'CUSTOMER'] } }]);
    expect(coercesOnV055(parts)).toEqual([]);
  });

  test('an unknown stage is dropped and logged; if none is left the dashboard is refused', () => {
    const { parts, lines } = partsFor({ stages: ['PROPOSAL', 'WON'] });
    expect(parts).toEqual([{ stage: { in: ['PROPOSAL'] } }]);
    expect(lines[0]).toMatchObject({ event: 'twenty.unknown_stages', unknown: ['WON'] });
    expect(() => partsFor({ stages: ['WON'] })).toThrow(TwentyError);
  });

  test('the server\'s coercion is what makes variables safe: WON is refused by the v0.55 enum', () => {
    expect(coercesOnV055([{ stage: { in: ['WON'] } }]).join()).toMatch(/OpportunityStageEnum/);
  });

  test('a relative close-date window is a half-open range of the dashboard\'s local days', () => {
    const { parts } = partsFor({ closeDate: { relative: 'this-quarter' } }, v055, 'America/New_York');
    // Two parts, one operator each: Twenty 2.21 refuses `{closeDate: {gte, lt}}` (FINDINGS item 1).
    expect(parts).toEqual([{ closeDate: { gte: '2027-04-01T04:00:00.000Z' } }, { closeDate: { lt: '2027-07-01T04:00:00.000Z' } }]);
    expect(coercesOnV055(parts)).toEqual([]);
  });

  test('an absolute window includes its `to` day; either end may be open', () => {
    expect(partsFor({ closeDate: { from: '2027-01-01', to: '2027-03-31' } }).parts).toEqual([
      { closeDate: { gte: '2027-01-01T00:00:00.000Z' } },
      { closeDate: { lt: '2027-04-01T00:00:00.000Z' } },
    ]);
    expect(partsFor({ closeDate: { from: '2027-01-01' } }).parts).toEqual([{ closeDate: { gte: '2027-01-01T00:00:00.000Z' } }]);
    expect(partsFor({ closeDate: { to: '2027-01-31' } }).parts).toEqual([{ closeDate: { lt: '2027-02-01T00:00:00.000Z' } }]);
  });

  test('owners need a server with an owner field, else a clear refusal', () => {
    const owner = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(() => partsFor({ ownerIds: [owner] })).toThrow(/needs Twenty 1\.16/);
    expect(partsFor({ ownerIds: [owner] }, { ...v055, ownerFilter: true }).parts).toEqual([{ ownerId: { in: [owner] } }]);
  });

  test('a minimum amount is a BigFloat number, or an exact string beyond 2^53', () => {
    const { parts } = partsFor({ minAmountMicros: '5000000000' });
    expect(parts).toEqual([{ amount: { amountMicros: { gte: 5_000_000_000 } } }]);
    expect(coercesOnV055(parts)).toEqual([]);
    expect(microsLiteral('99999999999999999999')).toBe('99999999999999999999');
  });

  test('all options combine with `and` and coerce on v0.55', () => {
    const { parts } = partsFor({ stages: ['NEW'], closeDate: { relative: 'next-90-days' }, minAmountMicros: '1' });
    const input = toFilterInput(parts);
    expect(Object.keys(input)).toEqual(['and']);
    expect(parts).toHaveLength(4);
    expect(coercesOnV055(parts)).toEqual([]);
  });
});

describe('stage bookkeeping', () => {
  test('the enum is the truth on v0.55; metadata options only vouch for string filters', () => {
    expect(knownStageValues(v055, { values: ['X'], fromMetadata: true })).toEqual(STAGES);
    const strings: Capabilities = { ...v055, stageFilter: { kind: 'string', typeName: 'SelectFilter' } };
    expect(knownStageValues(strings, { values: ['X'], fromMetadata: true })).toEqual(['X']);
    expect(knownStageValues(strings, { values: ['X'], fromMetadata: false })).toBeNull();
  });

  test('open stages leave out won and lost ones', () => {
    const dashboard = dashboardDefaults({ slug: 'd', title: 'D', wonStages: ['CUSTOMER'], lostStages: ['NEW'] });
    expect(openStagesOf(dashboard, STAGES)).toEqual(['SCREENING', 'MEETING', 'PROPOSAL']);
  });
});
