// The translation of every captured saved view (real-2.21/views-dashboards, views A–I, the seed
// kanban, a person view, dashboard widget filters), held to the explicit filter the real server
// answered identically to `viewId` (q2-_summary.json) wherever one was captured.
import { describe, expect, test } from 'vitest';
import { translateFilterSet, type Translation } from '@/lib/twenty/views/translate';
import { filterSetFromWidget, type FilterSet } from '@/lib/twenty/views/view-filter-schema';
import { CAPTURE_NOW, CAPTURED_FIELDS, capturedFilterSet, explicitFilter, FIELD_IDS, TIM, type CapturedView } from '@/tests/unit/twenty/views/captured-views';

const translate = (set: FilterSet, zone = 'UTC'): Translation => translateFilterSet(set, { fields: CAPTURED_FIELDS, now: CAPTURE_NOW, zone });
const filterOf = (set: FilterSet) => {
  const result = translate(set);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.filter;
};

describe('captured views translate to the filters the real server answered identically', () => {
  test.each<[CapturedView, string]>([
    ['A', 'explicit-filter-equivalent-of-A-user-token'],
    ['B', 'explicit-filter-equivalent-of-A-user-token'],
    ['C-3000000', 'explicit-filter-equivalent-of-C-user-token'],
    ['C-2000000', 'explicit-filter-equivalent-of-C-2000000-user-token'],
    ['F', 'explicit-filter-name-ilike-iPhone-user-token'],
    ['H', 'explicit-closeDate-2026-NY-user-token'],
    ['I', 'explicit-closeDate-gte-2026-11-01-user-token'],
  ])('view %s ≡ %s', (view, explicit) => {
    expect(filterOf(capturedFilterSet(view))).toEqual(explicitFilter(explicit));
  });

  test('A and B: the JSON-encoded string and the native values give one filter, amounts in exact micros', () => {
    expect(filterOf(capturedFilterSet('A'))).toEqual({ and: [{ stage: { in: ['PROPOSAL', 'CUSTOMER'] } }, { amount: { amountMicros: { gte: 1_000_000_000_000 } } }] });
    expect(filterOf(capturedFilterSet('B'))).toEqual(filterOf(capturedFilterSet('A')));
  });

  test('E: a relation IS is `ownerId in` its selected ids (the capture compared `eq` on the one id: same rows)', () => {
    expect(filterOf(capturedFilterSet('E'))).toEqual({ ownerId: { in: [TIM] } });
    expect(explicitFilter('explicit-filter-ownerId-eq-user-token')).toEqual({ ownerId: { eq: TIM } });
  });

  test('D (UNLISTED) and G (deleted) filter by stage like any view; the kanban filters nothing', () => {
    expect(filterOf(capturedFilterSet('D'))).toEqual({ stage: { in: ['CUSTOMER'] } });
    expect(filterOf(capturedFilterSet('G'))).toEqual({ stage: { in: ['CUSTOMER'] } });
    expect(translate(capturedFilterSet('kanban'))).toEqual({ ok: true, filter: null });
  });

  test("H's year is New York's, whatever zone the server resolves zoneless values in", () => {
    expect(translateFilterSet(capturedFilterSet('H'), { fields: CAPTURED_FIELDS, now: CAPTURE_NOW, zone: 'Asia/Tokyo' })).toEqual(translate(capturedFilterSet('H')));
    expect(filterOf(capturedFilterSet('H'))).not.toEqual(explicitFilter('explicit-closeDate-2026-UTC-user-token'));
  });

  test("a person view's filter is refused by name: its field is not an opportunity's (Twenty answers an error)", () => {
    const result = translate(capturedFilterSet('person'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ reason: 'unknown_field', subject: '8d253d10-308d-4a85-b357-6dbf39e63e8f' });
  });
});

describe('dashboard widget filters use the same translation', () => {
  // q3-create-3-createPageLayoutWidget-bar-chart-user-token.json: the widget made through the API.
  const WIDGET = {
    recordFilters: [
      { id: '516b3f85-217d-4eca-9c20-6d9a57b16691', fieldMetadataId: FIELD_IDS.stage, type: 'SELECT', label: 'Stage', operand: 'IS', value: '["PROPOSAL","CUSTOMER"]', displayValue: 'Proposal, Customer', recordFilterGroupId: '2d98ae8b-d79f-47b9-bf18-9f04f2521436' },
      { id: 'a4f9e9d0-5e65-4389-8776-2cb69b955ec7', fieldMetadataId: FIELD_IDS.amount, type: 'CURRENCY', label: 'Amount', operand: 'GREATER_THAN_OR_EQUAL', value: '1000000', displayValue: '1000000', subFieldName: 'amountMicros', recordFilterGroupId: '2d98ae8b-d79f-47b9-bf18-9f04f2521436' },
    ],
    recordFilterGroups: [{ id: '2d98ae8b-d79f-47b9-bf18-9f04f2521436', logicalOperator: 'AND' }],
  };
  // q3-getPageLayouts-DASHBOARD-*: a seed widget's filter (no filter ids there).
  const SEED_WIDGET = {
    recordFilters: [{ type: 'DATE_TIME', label: 'Creation date', value: 'THIS_1_MONTH;;UTC;;SUNDAY;;', operand: 'IS_RELATIVE', displayValue: 'THIS_1_MONTH;;UTC;;SUNDAY;;', fieldMetadataId: FIELD_IDS.createdAt, recordFilterGroupId: '160ccef3-d161-4cb8-9298-14e6d1bd36c3' }],
    recordFilterGroups: [{ id: '160ccef3-d161-4cb8-9298-14e6d1bd36c3', logicalOperator: 'AND' }],
  };

  test("the API-made widget's AND group is view A's filter (its chart data equalled A's group-by)", () => {
    expect(filterOf(filterSetFromWidget(WIDGET))).toEqual(explicitFilter('explicit-filter-equivalent-of-A-user-token'));
  });

  test("a seed widget's relative month runs in the value's zone", () => {
    expect(filterOf(filterSetFromWidget(SEED_WIDGET))).toEqual({ and: [{ and: [{ createdAt: { gte: '2026-11-01T00:00:00.000Z' } }, { createdAt: { lt: '2026-12-01T00:00:00.000Z' } }] }] });
  });

  test('no widget filter filters nothing', () => {
    expect(translate(filterSetFromWidget(null))).toEqual({ ok: true, filter: null });
  });
});
