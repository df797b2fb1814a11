import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { processDealKeyer, type DealKeyer } from '@/lib/pipeline/deal-key';
import { stageKindOf } from '@/lib/pipeline/stage-kind';
import type { StageOption, TickerItem, TickerKind } from '@/lib/pipeline/types';
import type { Match } from '@/lib/live/filter-match';
import { isLive, timeOf, type RecordState } from '@/lib/live/record-state';
import type { WebhookAction } from '@/lib/live/webhook/payload';

// The live ticker: one line per visible move of a deal, found by comparing a delivery with the
// deal's last known state (Twenty sends the new state and the names of changed fields, never
// old values). Redacted to the dashboard's fields: a name only with 'name', money only with
// 'amount' (as micros + code; the UI formats it), stages only with 'stage'; the line's id is an
// opaque key of the deal and the change (lib/pipeline/deal-key.ts), never Twenty's record id.

export const TICKER_LENGTH = 20;

export type TickerInput = {
  action: WebhookAction;
  previous: RecordState | undefined;
  next: RecordState;
  updatedFields: readonly string[] | null;
  /** The previous state in the dashboard's filter ('unknown' when there is none). */
  before: Match;
  /** The new state in the filter; for a delete, the deal's last live state (what it took away). */
  after: Match;
};

function kindOf(input: TickerInput, dashboard: DashboardConfig): TickerKind | null {
  const { action, previous, next } = input;
  if (action === 'deleted' || action === 'destroyed') {
    // A destroy after a soft delete was already reported as removed.
    if (action === 'destroyed' && previous && !isLive(previous)) return null;
    return input.before === true || input.after === true ? 'lost' : null;
  }
  if (input.after !== true) return null; // out of this dashboard's view (or not decidable): say nothing
  if (action === 'created') return 'created';
  if (action === 'restored') return 'restored';
  if (action !== 'updated') return null;
  const stageChanged = previous ? previous.stage !== next.stage : (input.updatedFields?.includes('stage') ?? false);
  if (!stageChanged) return null;
  const kind = stageKindOf(dashboard, next.stage);
  return kind === 'open' ? 'moved' : kind;
}

/** The stages a line names: only on a dashboard that shows stages. */
function stagesOf(input: TickerInput, kind: TickerKind, stageOptions: readonly StageOption[]): Pick<TickerItem, 'fromStage' | 'fromLabel' | 'toStage' | 'toLabel'> {
  const { previous, next } = input;
  const labelOf = (stage: string) => stageOptions.find((o) => o.value === stage)?.label ?? stage;
  const moved = kind === 'moved' || kind === 'won' || kind === 'lost';
  const from = moved && input.action === 'updated' && previous && previous.stage !== next.stage ? { fromStage: previous.stage, fromLabel: labelOf(previous.stage) } : {};
  const to = input.action === 'updated' || kind === 'created' || kind === 'restored' ? { toStage: next.stage, toLabel: labelOf(next.stage) } : {};
  return { ...from, ...to };
}

export function tickerItemFor(
  input: TickerInput,
  dashboard: DashboardConfig,
  stageOptions: readonly StageOption[],
  keyOf: DealKeyer = processDealKeyer(),
): TickerItem | null {
  const kind = kindOf(input, dashboard);
  if (kind === null) return null;
  const { next } = input;
  const at = next.destroyed ? next.updatedAt : (next.deletedAt ?? next.updatedAt);
  const item: TickerItem = { id: keyOf(dashboard.slug, next.id, next.updatedAt, input.action), at, kind };
  if (dashboard.fields.includes('stage')) Object.assign(item, stagesOf(input, kind, stageOptions));
  if (dashboard.fields.includes('name') && next.name !== null) item.dealName = next.name;
  if (dashboard.fields.includes('amount') && next.amountMicros !== null && next.currencyCode !== null) {
    item.amountMicros = next.amountMicros.toString();
    item.currencyCode = next.currencyCode;
  }
  return item;
}

/** The last TICKER_LENGTH items of one dashboard, newest change first, each change once. */
export function addToTicker(items: readonly TickerItem[], item: TickerItem): TickerItem[] {
  if (items.some((existing) => existing.id === item.id)) return [...items];
  return [...items, item]
    .sort((a, b) => timeOf(b.at) - timeOf(a.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, TICKER_LENGTH);
}
