import { describe, expect, it } from 'vitest';
import { aggregateKeyOf, numberAnswerSchema, numberDisplay, planNumber, ratioPoints, rawOf, singlePoints, type NumberQuery } from '@/lib/twenty/board/number-widget';
import type { TwentyObject } from '@/lib/twenty/objects';
import { readFixture } from '@/tests/unit/twenty/helpers/fixtures';
import { CAPTURED_FIELDS, FIELD_IDS } from '@/tests/unit/twenty/views/captured-views';
import { capturedLayouts } from './captured-board';

// The aggregate number as Twenty's front computes it (real-2.21/charts/FINDINGS.md "The aggregate
// number"; the answers and the front's own filter translations are charts/aggregate-*).

type Captured = { request: { body: { query: string; variables: Record<string, unknown> } }; response: { body: { data: unknown } } };
const capture = (file: string) => readFixture(`real-2.21/charts/${file}`) as Captured;
const answerOf = (file: string) => numberAnswerSchema.parse(capture(file).response.body.data);

const ID_FIELD = 'b7437ced-9369-494d-b9c5-9e6ca27a6896';
const opportunity: TwentyObject = {
  id: '07152cd2-888d-452b-8699-4d3a73044824',
  nameSingular: 'opportunity',
  namePlural: 'opportunities',
  fields: new Map([...CAPTURED_FIELDS, [ID_FIELD, { name: 'id', type: 'UUID' }]]),
};
const widget = (title: string) => {
  const found = capturedLayouts().flatMap((l) => (l.tabs ?? []).flatMap((t) => t.widgets ?? [])).find((w) => w.title === title);
  if (!found?.configuration) throw new Error(`no captured widget ${title}`);
  return found.configuration;
};
const single = (plan: ReturnType<typeof planNumber>) => {
  if (!plan.ok || plan.kind !== 'single') throw new Error(`not one query: ${JSON.stringify(plan)}`);
  return plan;
};
const squeeze = (document: string) => document.replace(/\s+/g, ' ').trim();

describe('the aggregate number, through the query Twenty\'s own front sends', () => {
  it('names Twenty\'s aggregate fields as the front does', () => {
    expect(aggregateKeyOf('COUNT', { name: 'id', type: 'UUID' })).toEqual({ key: 'totalCount', figure: 'raw' });
    expect(aggregateKeyOf('SUM', { name: 'amount', type: 'CURRENCY' })).toEqual({ key: 'sumAmountAmountMicros', figure: 'micros' });
    expect(aggregateKeyOf('AVG', { name: 'amount', type: 'CURRENCY' })).toEqual({ key: 'avgAmountAmountMicros', figure: 'micros' });
    expect(aggregateKeyOf('PERCENTAGE_EMPTY', { name: 'amount', type: 'CURRENCY' })).toEqual({ key: 'percentageEmptyAmount', figure: 'percentage' });
    expect(aggregateKeyOf('MAX', { name: 'employees', type: 'NUMBER' })).toEqual({ key: 'maxEmployees', figure: 'raw' });
    expect(aggregateKeyOf('SUM', { name: 'name', type: 'TEXT' })).toBeNull();
  });

  it('"Total Pipeline Value": the same document as the front (no filter), 106,170,000 in units from the captured micros', () => {
    const plan = single(planNumber(widget('Total Pipeline Value'), opportunity, new Date('2026-12-01T05:12:00Z')));
    const sent = capture('aggregate-seed-total-pipeline-value-readonly-key.json').request.body.query;
    expect(squeeze(plan.query.document)).toBe('query BoardNumber { opportunities { sumAmountAmountMicros } }');
    expect(squeeze(sent)).toContain('opportunities(filter: $filter) { sumAmountAmountMicros }');
    expect(plan.amount).toBe(true);
    const raw = rawOf(answerOf('aggregate-seed-total-pipeline-value-readonly-key.json'), plan.query);
    expect(singlePoints(raw, plan.figure, 'Total')).toEqual([{ label: 'Total', value: 106170000 }]);
  });

  it('"Deals created this month": the widget filter translated to what the front sent for the same day', () => {
    const plan = single(planNumber(widget('Deals created this month'), opportunity, new Date('2026-12-01T05:12:00Z')));
    const front = capture('aggregate-seed-deals-created-this-month-readonly-key.json').request.body.variables.filter;
    expect(JSON.stringify(plan.query.variables.filter)).toContain('"gte":"2026-12-01T00:00:00.000Z"');
    expect(JSON.stringify(plan.query.variables.filter)).toContain('"lt":"2027-01-01T00:00:00.000Z"');
    expect(JSON.stringify(front).replace(/Z"/g, '.000Z"')).toContain('"gte":"2026-12-01T00:00:00.000Z"');
    expect(singlePoints(rawOf(answerOf('aggregate-seed-deals-created-this-month-readonly-key.json'), plan.query), plan.figure, 'Deals')).toEqual([{ label: 'Deals', value: 150 }]);
  });

  it("a stage-and-amount widget filter translates exactly as twenty-shared's computeRecordGqlOperationFilter does", () => {
    const translation = readFixture('real-2.21/charts/aggregate-api-widget-open-pipeline-filter-translation.json') as { widgetFilter: unknown; translatedByTwentySharedComputeRecordGqlOperationFilter: unknown };
    const fields = new Map([
      ['879e2e53-a5b4-42ee-8f6f-44c2b43f9129', { name: 'stage', type: 'SELECT' }],
      ['8f108126-0b85-4637-be76-3f328dc2528d', { name: 'amount', type: 'CURRENCY' }],
      ['86b959ac-37c0-4a98-8428-7635f8b2489e', { name: 'id', type: 'UUID' }],
    ]);
    const plan = single(planNumber({ aggregateOperation: 'COUNT', aggregateFieldMetadataId: '86b959ac-37c0-4a98-8428-7635f8b2489e', filter: translation.widgetFilter }, { ...opportunity, fields }, new Date()));
    expect(plan.query.variables.filter).toEqual(translation.translatedByTwentySharedComputeRecordGqlOperationFilter);
  });

  it('a percentage is the fraction × 100 with "%"; null (nothing to sum) shows no figure', () => {
    const plan = single(planNumber({ aggregateOperation: 'PERCENTAGE_EMPTY', aggregateFieldMetadataId: FIELD_IDS.amount }, opportunity, new Date()));
    const [point] = singlePoints(rawOf(answerOf('aggregate-opportunity-amount-percentage-empty-after-extra-records-readonly-key.json'), plan.query), plan.figure, 'Empty');
    expect(point?.value).toBeCloseTo(0.64516129, 6);
    expect(numberDisplay({}, plan)).toEqual({ numberFormat: 'full', suffix: '%' });
    expect(singlePoints(rawOf(answerOf('aggregate-seed-annual-revenue-readonly-key.json'), { key: 'sumAnnualRevenueAmountMicros' } as NumberQuery), 'micros', 'Revenue')).toEqual([]);
  });

  it('a ratio widget: two counts, the option\'s share with one decimal (22 of 155 → 14.2 %)', () => {
    const plan = planNumber({ ...widget('Opportunity Count'), ratioAggregateConfig: { fieldMetadataId: FIELD_IDS.stage, optionValue: 'CUSTOMER' } }, opportunity, new Date());
    if (!plan.ok || plan.kind !== 'ratio') throw new Error('not a ratio plan');
    expect(plan.numerator.variables).toEqual(capture('aggregate-ratio-numerator-stage-eq-customer-readonly-key.json').request.body.variables);
    expect(plan.denominator.variables).toEqual(capture('aggregate-ratio-denominator-all-readonly-key.json').request.body.variables);
    const numerator = rawOf(answerOf('aggregate-ratio-numerator-stage-eq-customer-readonly-key.json'), plan.numerator);
    const denominator = rawOf(answerOf('aggregate-ratio-denominator-all-readonly-key.json'), plan.denominator);
    expect(ratioPoints(numerator, denominator, 'Won')).toEqual([{ label: 'Won', value: 14.2 }]);
    expect(ratioPoints(0, 0, 'Won')).toEqual([{ label: 'Won', value: 0 }]);
    expect(numberDisplay({}, plan)).toMatchObject({ suffix: '%' });
  });

  it('MIN or MAX of a date: no figure, as Twenty\'s own widget shows "-" (it reads the answer under the wrong key)', () => {
    expect(planNumber({ aggregateOperation: 'MIN', aggregateFieldMetadataId: FIELD_IDS.closeDate }, opportunity, new Date())).toEqual({ ok: true, kind: 'blank', amount: false });
  });

  it('an aggregate field the object lacks is not computed: the reason is given', () => {
    const other = planNumber({ ...widget('Opportunity Count'), aggregateFieldMetadataId: '00000000-0000-4000-8000-000000000000', aggregateOperation: 'SUM' }, opportunity, new Date());
    expect(other.ok).toBe(false);
  });

  it('amounts short unless FULL (Twenty\'s default), counts in full, with the widget\'s prefix', () => {
    const sum = single(planNumber(widget('Deal value created this month'), opportunity, new Date()));
    expect(numberDisplay(widget('Deal value created this month'), sum)).toEqual({ numberFormat: 'short', prefix: '$', showDataLabels: false });
    expect(numberDisplay({ numberFormat: 'FULL' }, sum)).toEqual({ numberFormat: 'full' });
    const count = single(planNumber(widget('Opportunity Count'), opportunity, new Date()));
    expect(numberDisplay({ suffix: ' deals' }, count)).toEqual({ numberFormat: 'full', suffix: ' deals' });
  });
});
