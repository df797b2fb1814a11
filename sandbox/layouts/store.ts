// The workspace's page layouts, tabs and widgets, in the order they were made (seed first), and
// the dashboard records that name them.
import { randomUUID } from 'node:crypto';
import type { DashboardRow } from '@/sandbox/records/types';
import type { PageLayoutRecord, PageLayoutTabRecord, PageLayoutWidgetRecord, PageLayoutType } from '@/sandbox/layouts/types';

export class LayoutStore {
  readonly layouts = new Map<string, PageLayoutRecord>();
  readonly tabs = new Map<string, PageLayoutTabRecord>();
  readonly widgets = new Map<string, PageLayoutWidgetRecord>();
  /** The core `dashboard` records, each naming the layout it shows (a /graphql object, kept with its layouts). */
  readonly dashboards: DashboardRow[] = [];

  constructor(private readonly newId: () => string = randomUUID) {}

  id(): string {
    return this.newId();
  }

  put<T extends { id: string }>(map: Map<string, T>, record: T): T {
    map.set(record.id, record);
    return record;
  }

  listed(type: PageLayoutType | null, objectMetadataId: string | null): PageLayoutRecord[] {
    return [...this.layouts.values()].filter(
      (l) => l.deletedAt === null && (type === null || l.type === type) && (objectMetadataId === null || l.objectMetadataId === objectMetadataId),
    );
  }

  layout(id: string): PageLayoutRecord | null {
    const found = this.layouts.get(id);
    return found && found.deletedAt === null ? found : null;
  }

  /** A layout's tabs by position (Twenty orders them so; the UI shows them in that order). */
  tabsOf(pageLayoutId: string): PageLayoutTabRecord[] {
    if (!this.layout(pageLayoutId)) return [];
    return [...this.tabs.values()].filter((t) => t.pageLayoutId === pageLayoutId && t.deletedAt === null).sort((a, b) => a.position - b.position);
  }

  widgetsOf(pageLayoutTabId: string): PageLayoutWidgetRecord[] {
    return [...this.widgets.values()].filter((w) => w.pageLayoutTabId === pageLayoutTabId && w.deletedAt === null);
  }

  tab(id: string): PageLayoutTabRecord | null {
    const found = this.tabs.get(id);
    return found && found.deletedAt === null ? found : null;
  }

  widget(id: string): PageLayoutWidgetRecord | null {
    const found = this.widgets.get(id);
    return found && found.deletedAt === null ? found : null;
  }
}
