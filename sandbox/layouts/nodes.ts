// Layouts, tabs and widgets as /metadata answers them. `tabs` and `widgets` are functions so
// graphql-js resolves them only when selected; the configuration and position carry their
// `__typename`, which picks the member of the WidgetConfiguration / PageLayoutWidgetPosition unions.
import { configurationTypename } from '@/sandbox/layouts/configuration';
import type { LayoutStore } from '@/sandbox/layouts/store';
import type { PageLayoutRecord, PageLayoutTabRecord, PageLayoutWidgetRecord, WidgetPosition } from '@/sandbox/layouts/types';

const POSITION_TYPENAMES = {
  GRID: 'PageLayoutWidgetGridPosition',
  VERTICAL_LIST: 'PageLayoutWidgetVerticalListPosition',
  CANVAS: 'PageLayoutWidgetCanvasPosition',
} as const;

const positionNode = (position: WidgetPosition | null) => (position ? { __typename: POSITION_TYPENAMES[position.layoutMode], ...position } : null);

export function widgetNode(widget: PageLayoutWidgetRecord) {
  return {
    ...widget,
    gridPosition: { ...widget.gridPosition },
    position: positionNode(widget.position),
    configuration: { __typename: configurationTypename(widget.configuration.configurationType), ...widget.configuration },
  };
}

export function tabNode(store: LayoutStore, tab: PageLayoutTabRecord) {
  return { ...tab, widgets: () => store.widgetsOf(tab.id).map(widgetNode) };
}

/** `withTabs: false` is createPageLayout's answer, which has `tabs: null` (q3-create-1). */
export function layoutNode(store: LayoutStore, layout: PageLayoutRecord, withTabs = true) {
  return { ...layout, tabs: withTabs ? () => store.tabsOf(layout.id).map((t) => tabNode(store, t)) : null };
}
