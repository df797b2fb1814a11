import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { PipelineData, StageOption } from '@/lib/pipeline/types';
import { isTwentyError } from '@/lib/twenty/errors';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';
import { viewFingerprint, type DashboardViews } from '@/lib/twenty/views/dashboard-view';
import { boardPlanOf, noLayoutRefusal, type BoardReader } from '@/lib/twenty/board/board-reader';
import type { DashboardLayout } from '@/lib/twenty/board/layout-schema';

// Twenty sends no webhook when a saved view's filters or the stage options (labels, colours,
// order) change. One pass of the metadata watch re-reads what a snapshot's basis depends on
// besides records and says, per dashboard, whether that moved since the basis was fetched:
// - the stage options: one /metadata call for the whole pass, whatever the number of dashboards;
// - a dashboard's saved view: one getView/getViews call per distinct `twentyView` in the pass;
// - a published Twenty dashboard's layout: one getPageLayouts call for the whole pass.
// Both reads are kept by the client for the next load, so the refresh they may lead to does not
// read them again. Nothing here queries records.

export type MetadataChange = 'stage_options' | 'view' | 'view_refused' | 'layout' | 'layout_refused' | 'widget_data';

export type MetadataPass = {
  /** What moved since `data` was fetched for `dashboard`; null when nothing did. */
  changeOf(dashboard: Pick<DashboardConfig, 'slug' | 'twentyView' | 'twentyDashboard' | 'widgets'>, data: PipelineData): Promise<MetadataChange | null>;
};

export type MetadataPassDeps = {
  /** Reads the stage options now (and keeps them for the next load). */
  readStageOptions: () => Promise<StageOptionsResult>;
  views: Pick<DashboardViews, 'reread'>;
  /** Absent in tests of views alone: no board is then compared. */
  boards?: Pick<BoardReader, 'rereadLayouts'>;
  /**
   * A board's widgets on other objects than opportunities get no webhook: a board whose figures are
   * older than this is due a refresh (`widget_data`), so a screen that only listens still follows them.
   */
  boardDataTtlMs?: number;
  now?: () => number;
};

const REFUSED = Symbol('refused');

/** What a snapshot shows of the stage options: values, labels, colours and their order. */
const stageKey = (options: readonly StageOption[]) => JSON.stringify(options.map((o) => [o.value, o.label, o.color, o.position]));

export function createMetadataPass(deps: MetadataPassDeps): MetadataPass {
  let stages: Promise<StageOptionsResult> | undefined;
  const views = new Map<string, Promise<string | typeof REFUSED>>();
  let layouts: Promise<DashboardLayout[]> | undefined;

  async function layoutChange(dashboard: Pick<DashboardConfig, 'slug' | 'twentyDashboard' | 'widgets'>, data: PipelineData): Promise<MetadataChange | null> {
    if (!deps.boards) return null;
    layouts ??= deps.boards.rereadLayouts();
    try {
      const fingerprint = boardPlanOf(await layouts, dashboard).fingerprint;
      if (!data.board) return null;
      if (data.board.fingerprint !== fingerprint) return 'layout';
      const age = (deps.now ?? Date.now)() - Date.parse(data.fetchedAt);
      const untracked = data.board.objects.some((name) => name !== 'opportunity');
      return untracked && deps.boardDataTtlMs !== undefined && age >= deps.boardDataTtlMs ? 'widget_data' : null;
    } catch (err) {
      const refusal = noLayoutRefusal(dashboard, err);
      // Deleted, renamed away, a widget title gone: the refresh refuses the dashboard as a load does.
      if (isTwentyError(refusal) && refusal.kind === 'rejected') return 'layout_refused';
      throw refusal;
    }
  }

  function fingerprintOf(dashboard: Pick<DashboardConfig, 'slug'>, ref: string): Promise<string | typeof REFUSED> {
    let read = views.get(ref);
    if (!read) {
      read = deps.views.reread(dashboard, ref).then(
        (view) => viewFingerprint(view),
        (err: unknown) => {
          // Ambiguous, missing, deleted or unsupported: the refresh refuses the dashboard as a load does.
          if (isTwentyError(err) && err.kind === 'rejected') return REFUSED;
          throw err;
        },
      );
      views.set(ref, read);
    }
    return read;
  }

  return {
    async changeOf(dashboard, data) {
      stages ??= deps.readStageOptions();
      const current = await stages;
      // A metadata read that failed (defaults) says nothing about what changed.
      if (current.source === 'metadata') {
        if (data.stageOptionsSource !== 'metadata' || stageKey(current.options) !== stageKey(data.stageOptions)) return 'stage_options';
      }
      if (dashboard.twentyDashboard !== undefined) return layoutChange(dashboard, data);
      const ref = dashboard.twentyView;
      if (ref === undefined) return null;
      const fingerprint = await fingerprintOf(dashboard, ref);
      if (fingerprint === REFUSED) return 'view_refused';
      // Data without a fingerprint (a peer on an older version) cannot be compared: left to the reconciler.
      const before = data.view?.fingerprint;
      return before !== undefined && before !== fingerprint ? 'view' : null;
    },
  };
}
