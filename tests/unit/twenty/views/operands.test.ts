// Every operand the translation covers on select, currency, relation and text fields, per value
// encoding, and their refusals: what Twenty's server builds from one saved filter (source-read where
// not captured) or why we cannot reproduce it.
import { describe, expect, test } from 'vitest';
import { ALEX, one, refusal, run, setOf } from '@/tests/unit/twenty/views/filter-set-helpers';

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
