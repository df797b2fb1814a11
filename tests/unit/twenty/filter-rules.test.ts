import { Kind, parse, visit, type ValueNode } from 'graphql';
import { describe, expect, test } from 'vitest';
import { dashboardSchema } from '@/lib/config/dashboard-schema';
import { currencyFilter } from '@/lib/twenty/aggregate-queries';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { TwentyError } from '@/lib/twenty/errors';
import { assertOneOperator, condition, oneOperatorViolations, rangeParts } from '@/lib/twenty/filter-rules';
import { amountMissing, closeDateWithin, dashboardFilterParts, stageIn, toFilterInput } from '@/lib/twenty/filters';
import { readFixture } from './helpers/fixtures';
import { filterProblems } from './helpers/request-rules';

// The one-operator rule (FINDINGS item 1): each field object has one operator, a composite one
// subfield; ranges are `and` of one-operator parts. Checked against the real 2.21 captures.

type Capture = { request: { body: { query: string; variables?: Record<string, unknown> } }; response: { body: { errors?: { message: string }[] } } };

/** The `filter:` argument of a captured request (inline or a variable), as JSON. */
function capturedFilter(file: string): unknown {
  const { query, variables = {} } = (readFixture(file) as Capture).request.body;
  const toJson = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((f) => [f.name.value, toJson(f.value)]));
    if (node.kind === Kind.LIST) return node.values.map(toJson);
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
    return 'value' in node ? node.value : null;
  };
  let filter: unknown;
  visit(parse(query), {
    Argument(node) {
      if (node.name.value === 'filter') filter = toJson(node.value);
    },
  });
  return filter;
}

const refused = (file: string) => ((readFixture(file) as Capture).response.body.errors ?? []).map((e) => e.message).join();

describe('the rule agrees with what real 2.21 accepted and refused', () => {
  test.each([
    ['real-2.21/misc/closeDate-two-operators.json', 'closeDate'],
    ['real-2.21/misc/amount-two-operators.json', 'amount.amountMicros'],
    ['real-2.21/groupby/filtered-groupby-closeDate-range-two-operators.json', 'closeDate'],
  ])('%s was refused, and the rule refuses it too', (file, field) => {
    expect(refused(file)).toContain(`Filter for field "${field}" must have exactly one operator`);
    expect(oneOperatorViolations(capturedFilter(file)).join()).toContain(field);
    expect(() => assertOneOperator(capturedFilter(file))).toThrow(TwentyError);
  });

  test.each(['real-2.21/misc/closeDate-and-split.json', 'real-2.21/misc/amount-gte-as-number-variable.json', 'real-2.21/misc/stage-neq.json'])(
    '%s was accepted, and the rule accepts it',
    (file) => {
      expect(refused(file)).toBe('');
      expect(capturedFilter(file)).toBeDefined();
      expect(oneOperatorViolations(capturedFilter(file))).toEqual([]);
    },
  );
});

describe('builders', () => {
  test('a condition nests one key per level', () => {
    expect(condition(['amount', 'amountMicros'], 'gte', 5)).toEqual({ amount: { amountMicros: { gte: 5 } } });
  });

  test('a range is one part per bound, either may be open', () => {
    expect(rangeParts(['closeDate'], { gte: 'a', lt: 'b' })).toEqual([{ closeDate: { gte: 'a' } }, { closeDate: { lt: 'b' } }]);
    expect(rangeParts(['closeDate'], { lt: 'b' })).toEqual([{ closeDate: { lt: 'b' } }]);
    expect(rangeParts(['closeDate'], {})).toEqual([]);
  });

  test('composites with two subfields, empty field objects and bad lists are violations', () => {
    expect(oneOperatorViolations({ amount: { amountMicros: { gte: 1 }, currencyCode: { eq: 'USD' } } })).toHaveLength(1);
    expect(oneOperatorViolations({ closeDate: {} })).toHaveLength(1);
    expect(oneOperatorViolations({ and: { closeDate: { gte: 'x' } } })).toHaveLength(1);
    expect(oneOperatorViolations({ not: { stage: { in: ['A'], is: 'NULL' } } })).toHaveLength(1);
  });

  test('toFilterInput refuses to build a two-operator filter', () => {
    expect(() => toFilterInput([{ closeDate: { gte: 'a', lt: 'b' } }])).toThrow(/more than one operator/);
  });
});

describe('every filter the strategies build obeys it (checked by an independent checker too)', () => {
  const caps: Capabilities = {
    groupBy: true,
    groupByTypeName: 'OpportunityGroupByConnection',
    groupByArgs: ['groupBy', 'filter', 'limit'],
    groupByTimeZone: true,
    stageFilter: { kind: 'enum', typeName: 'OpportunityStageEnumFilter', values: ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'] },
    ownerFilter: true,
    amountMicrosFilter: 'BigFloatFilter',
    pageSize: 60,
    connectionFields: [],
    groupFields: [],
  };
  const used = (readFixture('real-2.21/app-answers/dashboards.config.used.json') as { dashboards: unknown[] }).dashboards.map((d) => dashboardSchema.parse(d));

  test.each(used.map((d) => [d.slug, d] as const))('the captured run\'s dashboard %s', (_, dashboard) => {
    const parts = dashboardFilterParts(dashboard, { caps, knownStages: null, now: new Date('2026-11-30T16:00:00Z'), log: () => {} });
    const filters = [
      toFilterInput(parts),
      toFilterInput([...parts, stageIn(['NEW']), currencyFilter({ kind: 'code', code: 'USD' }), closeDateWithin({ from: new Date(0), to: new Date(1) })]),
      toFilterInput([...parts, currencyFilter({ kind: 'none' })]),
      toFilterInput([...parts, currencyFilter({ kind: 'rest', known: ['USD', 'EUR'] }), amountMissing()]),
    ];
    for (const filter of filters) expect(filterProblems(filter)).toEqual([]);
  });

  test('the close-date dashboard of the captured run, refused on 2.21 before, is now an `and` of bounds', () => {
    const pipeline = used.find((d) => d.slug === 'pipeline');
    if (!pipeline) throw new Error('no pipeline dashboard in the capture');
    const parts = dashboardFilterParts(pipeline, { caps, knownStages: null, now: new Date('2026-11-30T16:00:00Z'), log: () => {} });
    // What 0007 sent (two operators in one object), now split.
    expect(parts.filter((p) => 'closeDate' in p)).toEqual([
      { closeDate: { gte: '2026-01-01T05:00:00.000Z' } },
      { closeDate: { lt: '2027-01-01T05:00:00.000Z' } },
    ]);
  });
});
