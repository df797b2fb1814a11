import { describe, expect, it } from 'vitest';
import { BoardRefusal, findLayout, planBoard } from '@/lib/twenty/board/plan';
import { capturedLayouts, OPPORTUNITY_OBJECT } from './captured-board';

const layouts = capturedLayouts();
const dashboard = (twentyDashboard: string, widgets?: string[]) => ({ slug: 'board', twentyDashboard, ...(widgets ? { widgets } : {}) });

describe('which layout and widgets a twentyDashboard publishes (captured real 2.21 layouts)', () => {
  it('"My First Dashboard": its six charts in grid order, rich text and iframe left out', () => {
    const plan = planBoard(findLayout(layouts, dashboard('My First Dashboard')), dashboard('My First Dashboard'));
    expect(plan.tabs).toEqual([{ id: 'cd2cc5e3-1ff9-4a46-8d9d-25e82d0e9589', title: 'Tab 1', position: 0 }]);
    expect(plan.widgets.map((w) => [w.title, w.kind, w.tab])).toEqual([
      ['Deals by Company', 'pie', 1],
      ['Pipeline Value by Stage', 'bar', 1],
      ['Revenue Timeline', 'line', 1],
      ['Opportunities by Owner', 'bar', 1],
      ['Deals created this month', 'number', 1],
      ['Deal value created this month', 'number', 1],
    ]);
    expect(plan.widgets.every((w) => w.objectMetadataId === OPPORTUNITY_OBJECT)).toBe(true);
    expect(plan.leftOut.map((w) => [w.title, w.reason])).toEqual([
      ['Untitled Rich Text', 'not_a_chart'],
      ['Stock market (Iframe)', 'not_a_chart'],
    ]);
    const owner = plan.widgets.find((w) => w.title === 'Opportunities by Owner');
    expect(owner?.grid).toEqual({ row: 12, column: 0, rowSpan: 6, columnSpan: 6 });
    // sent back to Twenty as Twenty gave it, without the GraphQL type name
    expect(owner?.configuration).toMatchObject({ configurationType: 'BAR_CHART', primaryAxisGroupBySubFieldName: 'name.firstName' });
    expect(owner?.configuration).not.toHaveProperty('__typename');
  });

  it('tabs in position order are tab-1, tab-2; a front component is left out', () => {
    const plan = planBoard(findLayout(layouts, dashboard('Sales Dashboard Layout')), dashboard('Sales Dashboard Layout'));
    expect(plan.tabs.map((t) => t.title)).toEqual(['Overview', 'Details']);
    expect(plan.widgets.filter((w) => w.tab === 2).map((w) => w.title)).toEqual(['Rockets by Created Date (Object Permission Test)', 'Opportunity Count']);
    expect(plan.leftOut.map((w) => w.title)).toEqual(['Front Component']);
  });

  it('by id too; `widgets` narrows to those titles, the others said as not selected', () => {
    const ref = dashboard('f18687a7-8d8e-478d-b9d7-a38ff696bc50', ['Opportunity Count', 'Revenue Forecast']);
    const plan = planBoard(findLayout(layouts, ref), ref);
    expect(plan.layout.name).toBe('Sales Dashboard Layout');
    expect(plan.widgets.map((w) => w.title)).toEqual(['Revenue Forecast', 'Opportunity Count']);
    expect(plan.leftOut.filter((w) => w.reason === 'not_selected')).toHaveLength(5);
  });

  it('refuses a name no layout has, listing the layouts; and a widget title the layout lacks, listing its widgets', () => {
    expect(() => findLayout(layouts, dashboard('Sales Overview'))).toThrow(BoardRefusal);
    expect(() => findLayout(layouts, dashboard('Sales Overview'))).toThrow(/dashboard board: twentyDashboard "Sales Overview": no dashboard layout .*"My First Dashboard", "Sales Dashboard Layout"/);
    const ref = dashboard('My First Dashboard', ['Revenue Timeline', 'Churn']);
    expect(() => planBoard(findLayout(layouts, ref), ref)).toThrow(/has no widget titled "Churn" \(its widgets: .*"Revenue Timeline"/);
  });

  it('refuses a name two layouts share; a deleted layout is not found', () => {
    const [first] = layouts;
    if (!first) throw new Error('no captured layout');
    const twice = [...layouts, { ...first, id: '00000000-0000-4000-8000-000000000001' }];
    expect(() => findLayout(twice, dashboard(first.name))).toThrow(/2 dashboard layouts have this name .*name it by id/);
    const deleted = layouts.map((l) => (l.id === first.id ? { ...l, deletedAt: '2026-11-30T00:00:00.000Z' } : l));
    expect(() => findLayout(deleted, dashboard(first.id))).toThrow(/no dashboard layout the key can read has this id \(or it was deleted\)/);
  });

  it('the fingerprint moves with a title, a grid position or a configuration, not with anything unpublished', () => {
    const ref = dashboard('My First Dashboard');
    const base = planBoard(findLayout(layouts, ref), ref).fingerprint;
    const edit = (change: (w: Record<string, unknown>) => Record<string, unknown>, title: string) =>
      layouts.map((l) => ({ ...l, tabs: (l.tabs ?? []).map((t) => ({ ...t, widgets: (t.widgets ?? []).map((w) => (w.title === title ? (change(w) as typeof w) : w)) })) }));
    const again = (changed: typeof layouts) => planBoard(findLayout(changed, ref), ref).fingerprint;
    expect(again(layouts)).toBe(base);
    expect(again(edit((w) => ({ ...w, title: 'Revenue by day' }), 'Revenue Timeline'))).not.toBe(base);
    expect(again(edit((w) => ({ ...w, gridPosition: { row: 0, column: 0, rowSpan: 6, columnSpan: 12 } }), 'Revenue Timeline'))).not.toBe(base);
    expect(again(edit((w) => ({ ...w, configuration: { ...(w.configuration as object), color: 'red' } }), 'Revenue Timeline'))).not.toBe(base);
    expect(again(edit((w) => ({ ...w, title: 'Notes' }), 'Untitled Rich Text'))).toBe(base);
  });
});
