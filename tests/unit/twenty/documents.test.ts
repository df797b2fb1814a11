import { describe, expect, test } from 'vitest';
import { ALLOWED_FIELDS, type AllowedField } from '@/lib/config/dashboard-schema';
import { aggregateDocument, currencyFilter } from '@/lib/twenty/aggregate-queries';
import { CAPABILITIES_DOCUMENT, TYPE_FIELDS_DOCUMENT } from '@/lib/twenty/capabilities';
import { amountMissing, closeDateWithin, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { dealPageDocument } from '@/lib/twenty/pager';
import { STAGE_OPTIONS_DOCUMENT } from '@/lib/twenty/stage-options';
import { groupByDocument } from '@/lib/twenty/strategy-group-by';
import { topDealsDocument } from '@/lib/twenty/top-deals';
import { v055CoreSchema, v055MetadataSchema, v221CoreSchema } from './helpers/fixtures';
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

  test('the deal page used by paging and month detail, with and without its total', () => {
    expect(validationErrors(v055CoreSchema(), dealPageDocument(true))).toEqual([]);
    expect(validationErrors(v055CoreSchema(), dealPageDocument(false))).toEqual([]);
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
    for (const doc of groupByDocuments()) expect(validationErrors(schema, doc), doc).toEqual([]);
  });

  test('v0.55 itself refuses the groupBy document, which is why we detect it', () => {
    const doc = groupByDocument({ limit: false, withAverage: false, topDeals: null });
    expect(validationErrors(v055CoreSchema(), doc).join()).toMatch(/Cannot query field "opportunitiesGroupBy"/);
  });
});

function groupByDocuments(): string[] {
  const docs: string[] = [];
  for (const limit of [true, false]) {
    for (const withAverage of [true, false]) {
      for (const topDeals of [null, { fields: [...ALLOWED_FIELDS], withEdges: true }, { fields: [], withEdges: false }]) {
        docs.push(groupByDocument({ limit, withAverage, topDeals }));
      }
    }
  }
  return docs;
}

describe('documents validate on the real Twenty 2.21 schema', () => {
  const schema = () => v221CoreSchema();

  test('capabilities, deal pages and aggregate totals', () => {
    for (const doc of [CAPABILITIES_DOCUMENT, TYPE_FIELDS_DOCUMENT, dealPageDocument(true), dealPageDocument(false), aggregateDocument(1, true), aggregateDocument(1, false)]) {
      expect(validationErrors(schema(), doc), doc).toEqual([]);
    }
  });

  test('groupBy in every shape, with its timeZone, alone and with top deals', () => {
    for (const doc of groupByDocuments()) {
      expect(validationErrors(schema(), doc), doc).toEqual([]);
      expect(doc).toContain('closeDate: { granularity: MONTH, timeZone: $timeZone }');
    }
  });

  test('top deals for every field selection', () => {
    for (const fields of fieldSets) expect(validationErrors(schema(), topDealsDocument(fields, true)), fields.join()).toEqual([]);
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
  const coerce = (filter: object) => [
    ...variableErrors(v055CoreSchema(), dealPageDocument(false), { filter, first: 60, after: 'cursor' }),
    ...variableErrors(v221CoreSchema(), dealPageDocument(false), { filter, first: 60, after: 'cursor' }),
  ];

  test('currency classes: a code, none, and the rest', () => {
    expect(coerce(toFilterInput([stageIn(['NEW']), currencyFilter({ kind: 'code', code: 'USD' })]))).toEqual([]);
    expect(coerce(toFilterInput([currencyFilter({ kind: 'none' })]))).toEqual([]);
    expect(coerce(toFilterInput([currencyFilter({ kind: 'rest', known: ['USD', 'EUR'] })]))).toEqual([]);
  });

  test('the month window, alone and inside an or', () => {
    const range = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z') };
    expect(coerce(toFilterInput([closeDateWithin(range), { or: [closeDateWithin(range), closeDateWithin(range)] }]))).toEqual([]);
  });

  test('deals without an amount (amountMicros is NULL)', () => {
    expect(coerce(toFilterInput([stageIn(['NEW']), amountMissing()]))).toEqual([]);
  });
});
