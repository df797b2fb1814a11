// Test helpers for the realtime area: records, webhook events, and an oracle that builds
// PipelineData from a list of records the way a fresh fetch would (written independently of
// lib/live, on lib/twenty's groupDeals).
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Deal, FetchStrategy, PipelineData, StageOption } from '@/lib/pipeline/types';
import type { Basis } from '@/lib/live/exact-update';
import { timeFrameOf } from '@/lib/live/filter-match';
import type { RecordState } from '@/lib/live/record-state';
import { groupDeals, withoutAmountCount } from '@/lib/twenty/group-deals';
import type { WebhookAction, WebhookEvent } from '@/lib/live/webhook/payload';

export const STAGES: StageOption[] = [
  { value: 'NEW', label: 'New', color: 'red', position: 0 },
  { value: 'SCREENING', label: 'Screening', color: 'purple', position: 1 },
  { value: 'MEETING', label: 'Meeting', color: 'sky', position: 2 },
  { value: 'PROPOSAL', label: 'Proposal', color: 'turquoise', position: 3 },
  { value: 'CUSTOMER', label: 'Customer', color: 'yellow', position: 4 },
];

export const M = 1_000_000n;
/** The fetch behind every test basis: started at FETCH_START, answered 100 ms later. */
export const FETCH_START = Date.parse('2026-06-15T12:00:00.000Z');
export const FETCH_END = FETCH_START + 100;
export const SKEW = 1_000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function board(extra: Record<string, unknown> = {}): DashboardConfig {
  return dashboardDefaults({ slug: 'sales', title: 'Sales', fields: ['name', 'amount', 'stage', 'closeDate'], topDeals: 50, ...extra });
}

export function record(id: string, partial: Partial<RecordState> = {}): RecordState {
  return {
    id,
    name: `Deal ${id}`,
    stage: 'NEW',
    amountMicros: 10_000n * M,
    currencyCode: 'USD',
    closeDate: '2026-07-20T00:00:00.000Z',
    deletedAt: null,
    updatedAt: iso(FETCH_START - 86_400_000),
    companyId: null,
    createdAt: iso(FETCH_START - 86_400_000),
    destroyed: false,
    ...partial,
  };
}

/** A verified event as lib/live/webhook hands it over. */
export function eventOf(action: WebhookAction, state: RecordState, updatedFields: string[] | null = null): WebhookEvent {
  const { id, name, stage, amountMicros, currencyCode, closeDate, deletedAt, updatedAt, companyId } = state;
  const rec = { id, name, stage, amountMicros, currencyCode, closeDate, deletedAt, updatedAt, companyId };
  return { objectName: 'opportunity', action, eventDate: state.updatedAt, updatedFields, record: rec };
}

function passesFilter(r: RecordState, d: DashboardConfig): boolean {
  if (r.destroyed || r.deletedAt !== null) return false;
  const f = d.filter;
  if (f.stages && !f.stages.includes(r.stage)) return false;
  if (f.minAmountMicros !== undefined && (r.amountMicros === null || r.amountMicros < BigInt(f.minAmountMicros))) return false;
  if (f.closeDate && 'from' in f.closeDate) {
    if (r.closeDate === null) return false;
    const at = Date.parse(r.closeDate);
    if (f.closeDate.from && at < Date.parse(`${f.closeDate.from}T00:00:00Z`)) return false;
    if (f.closeDate.to && at >= Date.parse(`${f.closeDate.to}T00:00:00Z`) + 86_400_000) return false;
  }
  return true;
}

function listed(r: RecordState, d: DashboardConfig): Deal {
  const has = (f: string) => (d.fields as string[]).includes(f);
  return {
    id: r.id,
    name: has('name') ? r.name : null,
    stage: r.stage,
    amountMicros: has('amount') ? r.amountMicros : null,
    currencyCode: has('amount') ? r.currencyCode : null,
    closeDate: has('closeDate') ? r.closeDate : null,
    companyName: null,
    updatedAt: r.updatedAt,
  };
}

/** What a fresh fetch of these records returns (filter in UTC; amount DESC NULLS LAST, id ASC). */
export function oracle(records: readonly RecordState[], d: DashboardConfig, strategy: FetchStrategy = 'paging'): PipelineData {
  const inFilter = records.filter((r) => passesFilter(r, d));
  const grouped = groupDeals(inFilter, d.timeZone);
  const closed = new Set([...d.wonStages, ...d.lostStages]);
  const top = inFilter
    .filter((r) => !closed.has(r.stage))
    .sort((a, b) => {
      if (a.amountMicros !== b.amountMicros) {
        if (a.amountMicros === null) return 1;
        if (b.amountMicros === null) return -1;
        return a.amountMicros > b.amountMicros ? -1 : 1;
      }
      return a.id < b.id ? -1 : 1;
    })
    .slice(0, Math.min(d.topDeals, 60))
    .map((r) => listed(r, d));
  return {
    stageOptions: STAGES,
    stageOptionsSource: 'metadata',
    groups: strategy === 'groupBy' ? withoutAmountCount(grouped) : grouped,
    topDeals: top,
    strategy,
    fetchedAt: iso(FETCH_START),
  };
}

export function basisOf(data: PipelineData, d: DashboardConfig): Basis {
  const fetchedNow = new Date(FETCH_START);
  return { data, fetchedNow, loadStartedAt: FETCH_START, loadFinishedAt: FETCH_END, frame: timeFrameOf(d, fetchedNow), applied: new Map() };
}

/** Deterministic PRNG (mulberry32) so shuffles are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}
