import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { BoardData, PublishedWidget } from '@/lib/pipeline/board-types';
import { isTwentyError } from '@/lib/twenty/errors';
import type { Log, Transport } from '@/lib/twenty/transport';
import { DASHBOARD_LAYOUTS, dashboardLayoutsSchema, type DashboardLayout } from '@/lib/twenty/board/layout-schema';
import { readObjects, type TwentyObject } from '@/lib/twenty/objects';
import { BoardRefusal, findLayout, planBoard, type BoardPlan, type PlannedWidget } from '@/lib/twenty/board/plan';
import { readWidget } from '@/lib/twenty/board/widget-data';

// A dashboard's `twentyDashboard`, read: the layouts (one /metadata call) and the objects' fields
// (one more) are kept for the stage-options interval, as saved views are; the metadata watch reads
// the layouts again each interval (`reread`) and refreshes a board whose layout changed. Each load
// then reads the published widgets' figures, one call per widget:
// - widgets on opportunities at every load (a webhook on an opportunity refreshes the board);
// - widgets on other objects when their figures are older than `dataTtlMs` (the cache TTL):
//   Twenty sends the wall no webhook the board listens to for them;
// - `not_shared` widgets once per layout read: the key's role changes in Twenty's settings.
// Left-out widgets and unavailable ones are logged once each (again only when that changes).

export type BoardReader = {
  fetchBoard(dashboard: DashboardConfig, now: Date): Promise<BoardData>;
  /** Reads the layouts now (kept for the next load): the metadata watch's one call per pass. */
  rereadLayouts(): Promise<DashboardLayout[]>;
};

type Kept<T> = { at: number; value: T };
type WidgetResult = { at: number; key: string; widget: PublishedWidget };

const NO_LAYOUT_API = /Cannot query field "getPageLayouts"/;

/** Twenty v0.55 has no page layouts: the dashboard is refused, named; other errors pass through. */
export function noLayoutRefusal(dashboard: Pick<DashboardConfig, 'slug' | 'twentyDashboard'>, err: unknown): unknown {
  if (!isTwentyError(err) || !NO_LAYOUT_API.test(err.message)) return err;
  return new BoardRefusal(dashboard.slug, `"${dashboard.twentyDashboard ?? ''}": this Twenty has no dashboard layouts (v0.55); publishing a Twenty dashboard needs Twenty 2.x`);
}

/** The plan of `dashboard` in `layouts`, or its refusal (ambiguous, missing, unknown widget titles). */
export function boardPlanOf(layouts: readonly DashboardLayout[], dashboard: Pick<DashboardConfig, 'slug' | 'twentyDashboard' | 'widgets'>): BoardPlan {
  return planBoard(findLayout(layouts, dashboard), dashboard);
}

export function createBoardReader(opts: { transport: Transport; ttlMs: number; dataTtlMs: number; log: Log; clock?: () => number }): BoardReader {
  const clock = opts.clock ?? Date.now;
  let layouts: Kept<DashboardLayout[]> | null = null;
  let objects: Kept<Map<string, TwentyObject>> | null = null;
  const results = new Map<string, WidgetResult>();
  const said = new Map<string, string>();
  const fresh = <T>(kept: Kept<T> | null, ttl: number): kept is Kept<T> => kept !== null && clock() - kept.at < ttl;

  /** One log line per fact, repeated only when the fact changes. */
  function sayOnce(key: string, text: string, line: Record<string, unknown>): void {
    if (said.get(key) === text) return;
    said.set(key, text);
    opts.log(line);
  }

  // Boards loading at once (at start, two boards of one layout) share one read of each.
  let layoutsRead: Promise<DashboardLayout[]> | null = null;
  let objectsRead: Promise<Map<string, TwentyObject>> | null = null;

  function readLayouts(): Promise<DashboardLayout[]> {
    layoutsRead ??= opts.transport
      .runQuery({ endpoint: 'metadata', document: DASHBOARD_LAYOUTS, schema: dashboardLayoutsSchema })
      .then((data) => {
        layouts = { at: clock(), value: data.getPageLayouts };
        return data.getPageLayouts;
      })
      .finally(() => {
        layoutsRead = null;
      });
    return layoutsRead;
  }

  async function layoutsFor(dashboard: Pick<DashboardConfig, 'slug' | 'twentyDashboard'>): Promise<DashboardLayout[]> {
    if (fresh(layouts, opts.ttlMs)) return layouts.value;
    try {
      return await readLayouts();
    } catch (err) {
      throw noLayoutRefusal(dashboard, err);
    }
  }

  function objectsNow(): Promise<Map<string, TwentyObject>> {
    if (fresh(objects, opts.ttlMs)) return Promise.resolve(objects.value);
    objectsRead ??= readObjects(opts.transport)
      .then((value) => {
        objects = { at: clock(), value };
        return value;
      })
      .finally(() => {
        objectsRead = null;
      });
    return objectsRead;
  }

  function reusable(planned: PlannedWidget, key: string, object: TwentyObject | undefined): PublishedWidget | undefined {
    const kept = results.get(planned.id);
    if (!kept || kept.key !== key) return undefined;
    const age = clock() - kept.at;
    if (kept.widget.state === 'not_shared') return age < opts.ttlMs ? kept.widget : undefined;
    if (object?.nameSingular === 'opportunity') return undefined;
    return age < opts.dataTtlMs ? kept.widget : undefined;
  }

  async function widgetOf(slug: string, planned: PlannedWidget, all: ReadonlyMap<string, TwentyObject>, now: Date): Promise<PublishedWidget> {
    const key = JSON.stringify([planned.objectMetadataId, planned.configuration]);
    const object = all.get(planned.objectMetadataId);
    const kept = reusable(planned, key, object);
    if (kept) return { ...kept, title: planned.title, tab: planned.tab, grid: { ...planned.grid } };
    const read = await readWidget(opts.transport, planned, all, now);
    results.set(planned.id, { at: clock(), key, widget: read.widget });
    const state = read.failure ?? read.widget.state;
    // The first answer of a widget that works is not news; a widget that works again is.
    if (read.widget.state === 'ok' && !said.has(`${slug}:${planned.id}:state`)) said.set(`${slug}:${planned.id}:state`, state);
    sayOnce(`${slug}:${planned.id}:state`, state, read.widget.state === 'ok'
      ? { level: 'info', event: 'twenty.board_widget', slug, widget: planned.title, state: 'ok' }
      : { level: 'warn', event: 'twenty.board_widget', slug, widget: planned.title, state: read.widget.state, ...(read.failure ? { reason: read.failure } : {}) });
    return read.widget;
  }

  return {
    async fetchBoard(dashboard, now) {
      const [all, firstObjects] = await Promise.all([layoutsFor(dashboard), objectsNow()]);
      let objectMap = firstObjects;
      let plan: BoardPlan;
      try {
        plan = boardPlanOf(all, dashboard);
      } catch (err) {
        if (err instanceof BoardRefusal) layouts = null; // the refused retry reads the layouts again
        throw err;
      }
      for (const out of plan.leftOut) {
        const why = out.reason === 'not_selected' ? 'not in the dashboard\'s "widgets"' : out.reason === 'no_object' ? 'it reads no object' : `${out.type} widgets are not published (only charts: bar, line, pie, number)`;
        sayOnce(`${dashboard.slug}:${out.id}:left`, why, { level: 'info', event: 'twenty.board_widget_left_out', slug: dashboard.slug, widget: out.title, reason: why });
      }
      // A widget on an object made since the objects were read (a new custom object): read them again once.
      if (plan.widgets.some((w) => !objectMap.has(w.objectMetadataId))) {
        objects = null;
        objectMap = await objectsNow();
      }
      const widgets = await Promise.all(plan.widgets.map((w) => widgetOf(dashboard.slug, w, objectMap, now)));
      const objectNames = [...new Set(plan.widgets.map((w) => objectMap.get(w.objectMetadataId)?.nameSingular).filter((n): n is string => n !== undefined))].sort();
      return { id: plan.layout.id, name: plan.layout.name, tabs: plan.tabs, widgets, fingerprint: plan.fingerprint, objects: objectNames };
    },
    rereadLayouts: readLayouts,
  };
}
