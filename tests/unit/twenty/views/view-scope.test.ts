// The view's translated filter in the webhook predicate's terms: exact only for the parts inScope
// reads (stage in, owner in, close date gte/lt, amount gte, AND-ed), and never for a relative date.
import { expect, test } from 'vitest';
import { dealScopeOfView } from '@/lib/twenty/deal-scope';
import { viewScopeOf } from '@/lib/twenty/views/view-scope';
import type { FilterSet } from '@/lib/twenty/views/view-filter-schema';

const ID = 'view-1';
const NONE: FilterSet = { filters: [], groups: [], anyFieldFilterValue: null };
const relative: FilterSet = {
  ...NONE,
  filters: [{ id: 'f', fieldMetadataId: 'close', operand: 'IS_RELATIVE', value: 'THIS_1_YEAR', groupId: null, subFieldName: null, relationTargetFieldMetadataId: null }],
};

test('a view that filters nothing scopes nothing', () => {
  expect(viewScopeOf(ID, null, NONE)).toEqual({ viewId: ID, exact: true, stages: null, closeDate: null, ownerIds: null, minAmountMicros: null });
});

test('AND-ed parts the predicate reads are narrowed together, nested ands flattened', () => {
  const filter = {
    and: [
      { stage: { in: ['PROPOSAL', 'CUSTOMER'] } },
      { and: [{ stage: { in: ['CUSTOMER', 'NEW'] } }, { amount: { amountMicros: { gte: 5 } } }] },
      { amount: { amountMicros: { gte: '90071992547409930' } } },
      { closeDate: { gte: '2026-01-01T00:00:00.000Z' } },
      { closeDate: { lt: '2027-01-01T00:00:00.000Z' } },
      { ownerId: { in: ['m1'] } },
    ],
  };
  const scope = viewScopeOf(ID, filter, NONE);
  expect(scope).toEqual({
    viewId: ID,
    exact: true,
    stages: ['CUSTOMER'],
    closeDate: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    ownerIds: ['m1'],
    minAmountMicros: '90071992547409930',
  });
  expect(dealScopeOfView(scope)).toEqual({
    stages: ['CUSTOMER'],
    closeDate: { from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2027-01-01T00:00:00.000Z') },
    ownerIds: ['m1'],
    minAmountMicros: '90071992547409930',
  });
});

test.each([
  ['an OR group', { or: [{ stage: { in: ['NEW'] } }, { amount: { amountMicros: { gte: 1 } } }] }],
  ['a NOT', { not: { stage: { in: ['NEW'] } } }],
  ['a text search', { name: { ilike: '%pilot%' } }],
  ['a currency code', { amount: { currencyCode: { in: ['EUR'] } } }],
  ['an upper amount bound', { amount: { amountMicros: { lte: 5 } } }],
  ['an emptiness test', { closeDate: { is: 'NULL' } }],
  ['a mix with one unread part', { and: [{ stage: { in: ['NEW'] } }, { stage: { is: 'NULL' } }] }],
])('%s is not exact', (_, filter) => {
  const scope = viewScopeOf(ID, filter, NONE);
  expect(scope).toEqual({ viewId: ID, exact: false });
  expect(dealScopeOfView(scope)).toBe('undecidable');
});

test('a relative date is not exact even where its bounds are readable: they move with the clock', () => {
  const filter = { and: [{ closeDate: { gte: '2026-01-01T00:00:00.000Z' } }, { closeDate: { lt: '2027-01-01T00:00:00.000Z' } }] };
  expect(viewScopeOf(ID, filter, relative)).toEqual({ viewId: ID, exact: false });
});
