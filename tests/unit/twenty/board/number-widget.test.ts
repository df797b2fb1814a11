import { describe, expect, it } from 'vitest';
import { aggregateKeyOf, numberDisplay, numberPoints, planNumber } from '@/lib/twenty/board/number-widget';
import type { BoardObject } from '@/lib/twenty/board/objects';
import { CAPTURED_FIELDS, FIELD_IDS } from '@/tests/unit/twenty/views/captured-views';
import { capturedLayouts } from './captured-board';

const ID_FIELD = 'b7437ced-9369-494d-b9c5-9e6ca27a6896';
const opportunity: BoardObject = {
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

describe('the aggregate number through the query Twenty\'s own front sends', () => {
  it('names Twenty\'s aggregate fields: totalCount, <op><Field>AmountMicros for a currency, counts by prefix', () => {
    expect(aggregateKeyOf('COUNT', { name: 'id', type: 'UUID' })).toEqual({ key: 'totalCount', micros: false });
    expect(aggregateKeyOf('SUM', { name: 'amount', type: 'CURRENCY' })).toEqual({ key: 'sumAmountAmountMicros', micros: true });
    expect(aggregateKeyOf('AVG', { name: 'amount', type: 'CURRENCY' })).toEqual({ key: 'avgAmountAmountMicros', micros: true });
    expect(aggregateKeyOf('MAX', { name: 'employees', type: 'NUMBER' })).toEqual({ key: 'maxEmployees', micros: false });
    expect(aggregateKeyOf('COUNT_EMPTY', { name: 'closeDate', type: 'DATE_TIME' })).toEqual({ key: 'countEmptyCloseDate', micros: false });
    expect(aggregateKeyOf('SUM', { name: 'name', type: 'TEXT' })).toBeNull();
  });

  it('"Total Pipeline Value" (no filter): one sum in micros, shown in units', () => {
    const plan = planNumber(widget('Total Pipeline Value'), opportunity, new Date('2026-11-30T16:40:00Z'));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.query.document).toBe('query BoardNumber { opportunities { sumAmountAmountMicros } }');
    expect(plan.amount).toBe(true);
    expect(numberPoints({ opportunities: { sumAmountAmountMicros: 21000000000000 } }, plan.query, 'Total')).toEqual([{ label: 'Total', value: 21000000 }]);
    expect(numberPoints({ opportunities: { sumAmountAmountMicros: null } }, plan.query, 'Total')).toEqual([]);
  });

  it('"Deals created this month": the widget\'s relative-date filter translated for the group-by', () => {
    const plan = planNumber(widget('Deals created this month'), opportunity, new Date('2026-11-30T16:40:00Z'));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.query.document).toBe('query BoardNumber($filter: OpportunityFilterInput) { opportunities(filter: $filter) { totalCount } }');
    expect(JSON.stringify(plan.query.variables)).toContain('2026-11-01T00:00:00.000Z');
    expect(plan.amount).toBe(false);
    expect(numberPoints({ opportunities: { totalCount: 0 } }, plan.query, 'Deals')).toEqual([{ label: 'Deals', value: 0 }]);
  });

  it('a ratio widget, or an aggregate field the object lacks, is not computed: the reason is given', () => {
    const ratio = planNumber({ ...widget('Opportunity Count'), ratioAggregateConfig: { fieldMetadataId: FIELD_IDS.stage, optionValue: 'CUSTOMER' } }, opportunity, new Date());
    expect(ratio).toEqual({ ok: false, reason: 'a ratio number widget is not published yet' });
    const other = planNumber({ ...widget('Opportunity Count'), aggregateFieldMetadataId: '00000000-0000-4000-8000-000000000000' }, opportunity, new Date());
    expect(other.ok).toBe(false);
  });

  it('prefix, suffix and number format as the widget sets them', () => {
    expect(numberDisplay(widget('Deal value created this month'))).toEqual({ prefix: '$', showDataLabels: false });
    expect(numberDisplay({ numberFormat: 'SHORT', suffix: ' deals' })).toEqual({ numberFormat: 'short', suffix: ' deals' });
  });
});
