// Dates (instants and THIS_ periods in a zone), the operands, fields and groups the translation
// refuses, and filters, nested groups and search text put together.
import { describe, expect, test } from 'vitest';
import type { RefusalReason } from '@/lib/twenty/views/refusal';
import { ALEX, FIELDS, one, refusal, run, setOf, type Filter } from '@/tests/unit/twenty/views/filter-set-helpers';

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
