// Every operand the translation covers, per field kind and value encoding, and every refusal: what
// Twenty's server builds from one saved filter (source-read where not captured) or why we cannot.
import { describe, expect, test } from 'vitest';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import type { RefusalReason } from '@/lib/twenty/views/refusal';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { filterSetFromView, type FilterGroupDef, type FilterSet } from '@/lib/twenty/views/view-filter-schema';

const FIELDS = new Map<string, FieldInfo>([
  ['f-stage', { name: 'stage', type: 'SELECT', options: [{ value: 'NEW', label: 'New' }, { value: 'PROPOSAL', label: 'Proposal' }, { value: 'CUSTOMER', label: 'Customer' }] }],
  ['f-amount', { name: 'amount', type: 'CURRENCY' }],
  ['f-close', { name: 'closeDate', type: 'DATE_TIME' }],
  ['f-owner', { name: 'owner', type: 'RELATION' }],
  ['f-name', { name: 'name', type: 'TEXT' }],
  ['f-by', { name: 'createdBy', type: 'ACTOR' }],
]);
const NOW = new Date('2026-03-10T15:30:00.000Z'); // a Tuesday; New York is on daylight time since March 8
const ALEX = '20202020-0687-4c41-b707-ed1bfca972a7';

type Filter = { field: string; operand: string; value: unknown; subFieldName?: string; group?: string; relationTargetFieldMetadataId?: string };
function setOf(filters: Filter[], groups: FilterGroupDef[] = [], search: string | null = null): FilterSet {
  return filterSetFromView(
    filters.map((f, i) => ({ id: `filter-${i}`, fieldMetadataId: f.field, operand: f.operand, value: f.value, subFieldName: f.subFieldName, viewFilterGroupId: f.group, relationTargetFieldMetadataId: f.relationTargetFieldMetadataId })),
    groups.map((g) => ({ id: g.id, parentViewFilterGroupId: g.parentId, logicalOperator: g.logicalOperator })),
    search,
  );
}
const run = (set: FilterSet, zone = 'UTC', fields: ReadonlyMap<string, FieldInfo> = FIELDS) => translateFilterSet(set, { fields, now: NOW, zone });
const one = (f: Filter, zone = 'UTC') => {
  const result = run(setOf([f]), zone);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.filter;
};
const refusal = (set: FilterSet, fields?: ReadonlyMap<string, FieldInfo>) => {
  const result = run(set, 'UTC', fields);
  return result.ok ? null : result.refusal.reason;
};

describe('select', () => {
  test.each([
    ['a JSON-encoded list', '["PROPOSAL","CUSTOMER"]'],
    ['a native list', ['PROPOSAL', 'CUSTOMER']],
  ])('IS with %s → `in`', (_, value) => {
    expect(one({ field: 'f-stage', operand: 'IS', value })).toEqual({ stage: { in: ['PROPOSAL', 'CUSTOMER'] } });
  });
  test('IS with a bare value or a JSON string reads one option; "" stands for no value', () => {
    expect(one({ field: 'f-stage', operand: 'IS', value: 'NEW' })).toEqual({ stage: { in: ['NEW'] } });
    expect(one({ field: 'f-stage', operand: 'IS', value: '"NEW"' })).toEqual({ stage: { in: ['NEW'] } });
    expect(one({ field: 'f-stage', operand: 'IS', value: ['NEW', ''] })).toEqual({ or: [{ stage: { in: ['NEW'] } }, { stage: { is: 'NULL' } }] });
  });
  test('IS_NOT → `not in` (and `not is NULL` for "")', () => {
    expect(one({ field: 'f-stage', operand: 'IS_NOT', value: '["NEW"]' })).toEqual({ not: { stage: { in: ['NEW'] } } });
    expect(one({ field: 'f-stage', operand: 'IS_NOT', value: ['NEW', ''] })).toEqual({ and: [{ not: { stage: { in: ['NEW'] } } }, { not: { stage: { is: 'NULL' } } }] });
  });
  test('an empty value or list is skipped, as Twenty skips it', () => {
    expect(run(setOf([{ field: 'f-stage', operand: 'IS', value: '[]' }]))).toEqual({ ok: true, filter: null });
    expect(run(setOf([{ field: 'f-stage', operand: 'IS', value: '' }]))).toEqual({ ok: true, filter: null });
  });
});

describe('currency', () => {
  test.each([
    ['GREATER_THAN_OR_EQUAL', '1000000', { amount: { amountMicros: { gte: 1_000_000_000_000 } } }],
    ['GREATER_THAN_OR_EQUAL', 1000000, { amount: { amountMicros: { gte: 1_000_000_000_000 } } }],
    ['LESS_THAN_OR_EQUAL', '20000.5', { amount: { amountMicros: { lte: 20_000_500_000 } } }],
    ['IS', '0.25', { amount: { amountMicros: { eq: 250_000 } } }],
    ['IS_NOT', '7', { not: { amount: { amountMicros: { eq: 7_000_000 } } } }],
    // Beyond 2^53 micros, but Twenty's float is exact here: sent as a decimal string, never rounded.
    ['GREATER_THAN_OR_EQUAL', '10000000000', { amount: { amountMicros: { gte: '10000000000000000' } } }],
  ])('%s %j units', (operand, value, expected) => {
    expect(one({ field: 'f-amount', operand, value, subFieldName: 'amountMicros' })).toEqual(expected);
  });
  test('an amount filter without a subfield reads the amount too', () => {
    expect(one({ field: 'f-amount', operand: 'GREATER_THAN_OR_EQUAL', value: '5' })).toEqual({ amount: { amountMicros: { gte: 5_000_000 } } });
  });
  test('the currency code subfield: IS / IS_NOT a list of codes', () => {
    expect(one({ field: 'f-amount', operand: 'IS', value: '["EUR","GBP"]', subFieldName: 'currencyCode' })).toEqual({ amount: { currencyCode: { in: ['EUR', 'GBP'] } } });
    expect(one({ field: 'f-amount', operand: 'IS_NOT', value: ['EUR'], subFieldName: 'currencyCode' })).toEqual({ not: { amount: { currencyCode: { in: ['EUR'] } } } });
  });
  test.each([
    ['1.005', 'Twenty compares against 1004999.9999999999'],
    ['1e6', 'not a plain decimal'],
    ['12abc', 'not a plain decimal'],
    ['0.0000001', 'below one micro'],
  ])('"%s" is refused (%s)', (value) => {
    expect(refusal(setOf([{ field: 'f-amount', operand: 'GREATER_THAN_OR_EQUAL', value, subFieldName: 'amountMicros' }]))).toBe('value');
  });
});

describe('relation', () => {
  test('IS → `<name>Id in` the selected ids, from the UI object or a plain list', () => {
    const value = `{"isCurrentWorkspaceMemberSelected": false, "selectedRecordIds": ["${ALEX}"]}`;
    expect(one({ field: 'f-owner', operand: 'IS', value })).toEqual({ ownerId: { in: [ALEX] } });
    expect(one({ field: 'f-owner', operand: 'IS', value: [ALEX] })).toEqual({ ownerId: { in: [ALEX] } });
  });
  test('IS_NOT also keeps the deals without an owner', () => {
    expect(one({ field: 'f-owner', operand: 'IS_NOT', value: { selectedRecordIds: [ALEX] } })).toEqual({ or: [{ not: { ownerId: { in: [ALEX] } } }, { ownerId: { is: 'NULL' } }] });
  });
  test('"me" is refused: an API key has no current member, so Twenty drops it', () => {
    expect(refusal(setOf([{ field: 'f-owner', operand: 'IS', value: { isCurrentWorkspaceMemberSelected: true, selectedRecordIds: [] } }]))).toBe('current_member');
  });
  test('no id selected is skipped; a filter through the relation is refused', () => {
    expect(run(setOf([{ field: 'f-owner', operand: 'IS', value: { selectedRecordIds: [] } }]))).toEqual({ ok: true, filter: null });
    expect(refusal(setOf([{ field: 'f-owner', operand: 'IS', value: 'x', relationTargetFieldMetadataId: 'f-name' }]))).toBe('relation_target');
  });
});

describe('text and emptiness', () => {
  test('CONTAINS → `ilike %v%` (Twenty does not escape % or _); DOES_NOT_CONTAIN → `not`', () => {
    expect(one({ field: 'f-name', operand: 'CONTAINS', value: '50%' })).toEqual({ name: { ilike: '%50%%' } });
    expect(one({ field: 'f-name', operand: 'DOES_NOT_CONTAIN', value: 'test' })).toEqual({ not: { name: { ilike: '%test%' } } });
  });
  test.each([
    ['f-name', { or: [{ name: { ilike: '' } }, { name: { is: 'NULL' } }] }],
    ['f-amount', { or: [{ amount: { amountMicros: { is: 'NULL' } } }] }],
    ['f-close', { closeDate: { is: 'NULL' } }],
    ['f-stage', { stage: { is: 'NULL' } }],
    ['f-owner', { ownerId: { is: 'NULL' } }],
  ])('IS_EMPTY on %s, and IS_NOT_EMPTY as its negation', (field, empty) => {
    expect(one({ field, operand: 'IS_EMPTY', value: '' })).toEqual(empty);
    expect(one({ field, operand: 'IS_NOT_EMPTY', value: '' })).toEqual({ not: empty });
  });
});

describe('dates', () => {
  test('IS_AFTER → `gte` and IS_BEFORE → `lt` an instant; a date without a zone is refused', () => {
    expect(one({ field: 'f-close', operand: 'IS_AFTER', value: '2026-11-01T00:00:00.000Z' })).toEqual({ closeDate: { gte: '2026-11-01T00:00:00.000Z' } });
    expect(one({ field: 'f-close', operand: 'IS_BEFORE', value: '2026-11-01T01:00:00+01:00' })).toEqual({ closeDate: { lt: '2026-11-01T00:00:00.000Z' } });
    expect(refusal(setOf([{ field: 'f-close', operand: 'IS_AFTER', value: '2026-11-01' }]))).toBe('value');
  });
  const range = (gte: string, lt: string) => ({ and: [{ closeDate: { gte } }, { closeDate: { lt } }] });
  test.each([
    ['THIS_1_DAY;;America/New_York;;', range('2026-03-10T04:00:00.000Z', '2026-03-11T04:00:00.000Z')],
    ['THIS_1_WEEK;;America/New_York;;MONDAY;;', range('2026-03-09T04:00:00.000Z', '2026-03-16T04:00:00.000Z')],
    // the week starting Sunday March 8 began at New York's standard-time midnight, before the change
    ['THIS_1_WEEK;;America/New_York;;SUNDAY;;', range('2026-03-08T05:00:00.000Z', '2026-03-15T04:00:00.000Z')],
    ['THIS_1_WEEK;;UTC;;SATURDAY;;', range('2026-03-07T00:00:00.000Z', '2026-03-14T00:00:00.000Z')],
    ['THIS_1_MONTH;;Europe/Paris;;', range('2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z')],
    ['THIS_1_YEAR;;Asia/Kolkata;;MONDAY;;', range('2025-12-31T18:30:00.000Z', '2026-12-31T18:30:00.000Z')],
  ])('IS_RELATIVE %s', (value, expected) => {
    expect(one({ field: 'f-close', operand: 'IS_RELATIVE', value })).toEqual(expected);
  });
  test('a value without a zone is read in the zone given for the server; the week starts on Monday by default', () => {
    expect(one({ field: 'f-close', operand: 'IS_RELATIVE', value: 'THIS_1_WEEK' }, 'Asia/Tokyo')).toEqual(range('2026-03-08T15:00:00.000Z', '2026-03-15T15:00:00.000Z'));
  });
  test.each(['PAST_7_DAY', 'NEXT_1_MONTH;;UTC;;', 'THIS_1_QUARTER;;UTC;;', 'THIS_1_HOUR', 'THIS_1_YEAR;;Mars/Olympus;;'])('IS_RELATIVE %s is refused', (value) => {
    expect(refusal(setOf([{ field: 'f-close', operand: 'IS_RELATIVE', value }]))).toBe('value');
  });
  test.each(['IS', 'IS_TODAY', 'IS_IN_PAST', 'IS_IN_FUTURE'])('%s (server clock and zone, not captured) is refused', (operand) => {
    expect(refusal(setOf([{ field: 'f-close', operand, value: '2026-11-01T00:00:00.000Z' }]))).toBe('operand');
  });
});

describe('operands, fields and groups the translation refuses', () => {
  test.each([
    [[{ field: 'f-name', operand: 'IS', value: 'x' }], 'operand'],
    [[{ field: 'f-stage', operand: 'CONTAINS', value: 'NEW' }], 'operand'],
    [[{ field: 'f-stage', operand: 'IS_NOT_NULL', value: 'x' }], 'operand'],
    [[{ field: 'f-stage', operand: 'SOMETHING_NEW', value: 'x' }], 'operand'],
    [[{ field: 'f-by', operand: 'CONTAINS', value: 'Alex' }], 'field_type'],
    [[{ field: 'f-person-job', operand: 'CONTAINS', value: 'CEO' }], 'unknown_field'],
  ] as [Filter[], RefusalReason][])('%j → %s', (filters, reason) => {
    expect(refusal(setOf(filters))).toBe(reason);
  });
  test('NOT groups, several top-level groups and an OR left empty are refused', () => {
    const stage = { field: 'f-stage', operand: 'IS', value: '["NEW"]' };
    expect(refusal(setOf([{ ...stage, group: 'g' }], [{ id: 'g', parentId: null, logicalOperator: 'NOT' }]))).toBe('group');
    expect(refusal(setOf([], [{ id: 'a', parentId: null, logicalOperator: 'AND' }, { id: 'b', parentId: null, logicalOperator: 'OR' }]))).toBe('group');
    expect(refusal(setOf([{ ...stage, value: '[]', group: 'g' }], [{ id: 'g', parentId: null, logicalOperator: 'OR' }]))).toBe('group');
  });
});

describe('filters, nested groups and search text together', () => {
  test('plain filters AND the top-level group, whose subgroups nest by parent; filters of unreachable groups do not apply', () => {
    const set = setOf(
      [
        { field: 'f-close', operand: 'IS_AFTER', value: '2026-01-01T00:00:00Z' },
        { field: 'f-stage', operand: 'IS', value: '["PROPOSAL"]', group: 'root' },
        { field: 'f-amount', operand: 'GREATER_THAN_OR_EQUAL', value: '100000', subFieldName: 'amountMicros', group: 'either' },
        { field: 'f-owner', operand: 'IS', value: [ALEX], group: 'either' },
        { field: 'f-name', operand: 'CONTAINS', value: 'lost', group: 'orphan' },
      ],
      [{ id: 'root', parentId: null, logicalOperator: 'AND' }, { id: 'either', parentId: 'root', logicalOperator: 'OR' }, { id: 'orphan', parentId: 'gone', logicalOperator: 'AND' }],
    );
    expect(run(set)).toEqual({
      ok: true,
      filter: {
        and: [
          { closeDate: { gte: '2026-01-01T00:00:00.000Z' } },
          { and: [{ stage: { in: ['PROPOSAL'] } }, { or: [{ amount: { amountMicros: { gte: 100_000_000_000 } } }, { ownerId: { in: [ALEX] } }] }] },
        ],
      },
    });
  });
  test('search text: text fields `ilike`, plus the stage options it names; AND-ed with the filters', () => {
    expect(run(setOf([{ field: 'f-stage', operand: 'IS_NOT', value: ['NEW'] }], [], 'propos'))).toEqual({
      ok: true,
      filter: { and: [{ not: { stage: { in: ['NEW'] } } }, { or: [{ stage: { in: ['PROPOSAL'] } }, { name: { ilike: '%propos%' } }] }] },
    });
  });
  test.each([
    ['1500', 'a number also searches the amount'],
    ['usd', 'a currency code'],
    ['Dollar', 'a currency name'],
    ['Euro', 'a currency name'],
  ])('search text "%s" is refused (%s)', (text) => {
    expect(refusal(setOf([], [], text))).toBe('search_text');
  });
  test('search text reaching a person-name or email field is refused', () => {
    const withName = new Map(FIELDS).set('f-contact', { name: 'contactName', type: 'FULL_NAME' });
    expect(refusal(setOf([], [], 'iPhone'), withName)).toBe('search_text');
  });
});
