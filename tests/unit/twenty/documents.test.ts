import { describe, expect, test } from 'vitest';
import { ALLOWED_FIELDS, type AllowedField } from '@/lib/config/dashboard-schema';
import { aggregateDocument, currencyFilter } from '@/lib/twenty/aggregate-queries';
import { CAPABILITIES_DOCUMENT, TYPE_FIELDS_DOCUMENT } from '@/lib/twenty/capabilities';
import { closeDateWithin, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { DEAL_PAGE_DOCUMENT } from '@/lib/twenty/pager';
import { STAGE_OPTIONS_DOCUMENT } from '@/lib/twenty/stage-options';
import { groupByDocument } from '@/lib/twenty/strategy-group-by';
import { topDealsDocument } from '@/lib/twenty/top-deals';
import { v055CoreSchema, v055MetadataSchema } from './helpers/fixtures';
import { validationErrors, variableErrors, withGroupBy } from './helpers/documents';

// Every document the app can send, validated against the real v0.55 schema (groupBy against
// v0.55 plus the groupBy surface of newer versions, which v0.55 lacks).

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}
const fieldSets: AllowedField[][] = subsets(ALLOWED_FIELDS);

describe('documents validate on v0.55', () => {
  test('capability introspection (within graphql-js\'s introspection depth limit)', () => {
    expect(validationErrors(v055CoreSchema(), CAPABILITIES_DOCUMENT)).toEqual([]);
    expect(validationErrors(v055CoreSchema(), TYPE_FIELDS_DOCUMENT)).toEqual([]);
  });

  test('stage options on /metadata', () => {
    expect(validationErrors(v055MetadataSchema(), STAGE_OPTIONS_DOCUMENT)).toEqual([]);
  });

  test('the deal page used by paging and month detail', () => {
    expect(validationErrors(v055CoreSchema(), DEAL_PAGE_DOCUMENT)).toEqual([]);
  });

  test.each([1, 7, 20])('aggregate totals with %i aliases', (n) => {
    expect(validationErrors(v055CoreSchema(), aggregateDocument(n, true))).toEqual([]);
    expect(validationErrors(v055CoreSchema(), aggregateDocument(n, false))).toEqual([]);
  });

  test(`top deals for all ${fieldSets.length} field selections, with and without rows`, () => {
    for (const fields of fieldSets) {
      for (const withEdges of [true, false]) {
        expect(validationErrors(v055CoreSchema(), topDealsDocument(fields, withEdges)), fields.join()).toEqual([]);
      }
    }
  });

  test('groupBy in every shape, alone and with top deals', () => {
    const schema = withGroupBy(v055CoreSchema());
    for (const timeZone of [true, false]) {
      for (const limit of [true, false]) {
        for (const withAmountCount of [true, false]) {
          for (const topDeals of [null, { fields: [...ALLOWED_FIELDS], withEdges: true }, { fields: [], withEdges: false }]) {
            const doc = groupByDocument({ timeZone, limit, withAmountCount, topDeals });
            expect(validationErrors(schema, doc), doc).toEqual([]);
          }
        }
      }
    }
  });

  test('v0.55 itself refuses the groupBy document, which is why we detect it', () => {
    const doc = groupByDocument({ timeZone: false, limit: false, withAmountCount: false, topDeals: null });
    expect(validationErrors(v055CoreSchema(), doc).join()).toMatch(/Cannot query field "opportunitiesGroupBy"/);
  });
});

describe('top deals ask only for allowed fields and never for people', () => {
  test.each(fieldSets.map((f) => [f.join(',') || '(none)', f] as const))('%s', (_, fields) => {
    const doc = topDealsDocument(fields, true);
    expect(doc).not.toMatch(/pointOfContact|person|people|email|phone|createdBy|owner/i);
    expect(doc.includes('name') && !fields.includes('name') && !fields.includes('company')).toBe(false);
    expect(doc.includes('amount {')).toBe(fields.includes('amount'));
    expect(doc.includes('closeDate')).toBe(fields.includes('closeDate'));
    expect(doc.includes('company {')).toBe(fields.includes('company'));
    expect(doc).toMatch(/orderBy: \[\{ amount: \{ amountMicros: DescNullsLast \} \}\]/);
  });
});

describe('strategy filters coerce as variables on v0.55', () => {
  const coerce = (filter: object) =>
    variableErrors(v055CoreSchema(), DEAL_PAGE_DOCUMENT, { filter, first: 60, after: 'cursor', withTotal: false });

  test('currency classes: a code, none, and the rest', () => {
    expect(coerce(toFilterInput([stageIn(['NEW']), currencyFilter({ kind: 'code', code: 'USD' })]))).toEqual([]);
    expect(coerce(toFilterInput([currencyFilter({ kind: 'none' })]))).toEqual([]);
    expect(coerce(toFilterInput([currencyFilter({ kind: 'rest', known: ['USD', 'EUR'] })]))).toEqual([]);
  });

  test('the month window and boundary slices', () => {
    const range = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z') };
    expect(coerce(toFilterInput([closeDateWithin(range), { or: [closeDateWithin(range), closeDateWithin(range)] }]))).toEqual([]);
  });
});
