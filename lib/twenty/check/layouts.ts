import { DASHBOARD_LAYOUTS, dashboardLayoutsSchema, type DashboardLayout } from '@/lib/twenty/board/layout-schema';
import { KIND_OF_CONFIGURATION } from '@/lib/twenty/board/plan';
import { explainOptionalRead } from '@/lib/twenty/check/explain';
import { row, type Row } from '@/lib/twenty/check/report';
import type { Transport } from '@/lib/twenty/transport';

// The Twenty dashboards the key can see, for `twentyDashboard`: each DASHBOARD page layout with its
// id, tabs and widgets (chart kind, or why it would be left out). One /metadata call. The key
// cannot read Twenty's dashboard records, so a layout is named by its own name or id, as here.

const NO_LAYOUT_API = /Cannot query field "getPageLayouts"/;

function widgetText(widget: NonNullable<NonNullable<DashboardLayout['tabs']>[number]['widgets']>[number]): string {
  const type = widget.configuration?.configurationType;
  const kind = widget.type === 'GRAPH' && type !== undefined ? KIND_OF_CONFIGURATION[type] : undefined;
  return kind ? `"${widget.title}" (${kind})` : `"${widget.title}" (${widget.type}: not published)`;
}

export function layoutRows(layouts: readonly DashboardLayout[]): Row[] {
  const live = layouts.filter((l) => !l.deletedAt);
  if (live.length === 0) return [row('note', 'layouts', 'the key sees no Twenty dashboard (page layouts of type DASHBOARD)')];
  return live.map((layout) => {
    const tabs = (layout.tabs ?? []).filter((t) => !t.deletedAt).sort((a, b) => a.position - b.position);
    const detail = tabs
      .map((tab, i) => `tab-${i + 1} "${tab.title}": ${(tab.widgets ?? []).filter((w) => !w.deletedAt).map(widgetText).join(', ') || 'no widgets'}`)
      .join(' · ');
    return row('note', `"${layout.name}"`, `${layout.id} · ${detail || 'no tabs'}`);
  });
}

export async function checkLayouts(transport: Transport): Promise<Row[]> {
  try {
    const data = await transport.runQuery({ endpoint: 'metadata', document: DASHBOARD_LAYOUTS, schema: dashboardLayoutsSchema });
    return layoutRows(data.getPageLayouts);
  } catch (err) {
    if (err instanceof Error && NO_LAYOUT_API.test(err.message)) return [row('note', 'layouts', 'this Twenty has no dashboards to publish (page layouts need Twenty 2.x)')];
    return [row('warn', 'layouts', explainOptionalRead(err))];
  }
}
