import { describe, expect, test } from 'vitest';
import { dashboardDefaults, type DashboardConfig, type WeekStart } from '@/lib/config/dashboard-schema';
import type { CreatedWeeks } from '@/lib/pipeline/types';
import { KEY, NOW, startSandboxesForFile, type Version } from './helpers/sandboxes';

// The trend each strategy reads from the demo workspace, against an answer computed here with
// none of lib/twenty or lib/pipeline: every deal read with plain fetch, the dashboard's stage and
// amount filter applied (its close-date window NOT), and each createdAt put in its week with Intl.

const { client, sandbox } = startSandboxesForFile();

type Row = { stage: string; createdAt: string; amountMicros: bigint | null; currencyCode: string | null };

async function everyRow(version: Version): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(`${sandbox(version).url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({
        query: 'query All($after: String) { opportunities(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { stage createdAt amount { amountMicros currencyCode } } } } }',
        variables: { after },
      }),
    });
    type Node = { stage: string; createdAt: string; amount: { amountMicros: number | string | null; currencyCode: string | null } | null };
    const page = (await response.json()) as { data: { opportunities: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] } } };
    for (const { node } of page.data.opportunities.edges) {
      const micros = node.amount?.amountMicros;
      rows.push({ stage: node.stage, createdAt: node.createdAt, amountMicros: micros === null || micros === undefined ? null : BigInt(micros), currencyCode: node.amount?.currencyCode || null });
    }
    if (!page.data.opportunities.pageInfo.hasNextPage) return rows;
    after = page.data.opportunities.pageInfo.endCursor;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FIRST: Record<WeekStart, string> = { monday: 'Mon', sunday: 'Sun', saturday: 'Sat' };

function weekOf(at: Date, zone: string, weekStart: WeekStart): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at);
  const d = new Date(`${local}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((WEEKDAYS.indexOf(weekday) - WEEKDAYS.indexOf(FIRST[weekStart]) + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** week → currency ("" for none) → [count, micros], over the twelve weeks ending with NOW's. */
function truth(rows: Row[], board: DashboardConfig): Map<string, Map<string, [number, bigint]>> {
  const current = weekOf(NOW, board.timeZone, board.weekStart);
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(`${current}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7 * (11 - i));
    return d.toISOString().slice(0, 10);
  });
  const out = new Map(weeks.map((w) => [w, new Map<string, [number, bigint]>()]));
  for (const row of rows) {
    if (board.filter.stages && !board.filter.stages.includes(row.stage)) continue;
    if (board.filter.minAmountMicros && (row.amountMicros === null || row.amountMicros < BigInt(board.filter.minAmountMicros))) continue;
    const week = out.get(weekOf(new Date(row.createdAt), board.timeZone, board.weekStart));
    if (!week) continue;
    const key = row.currencyCode ?? '';
    const [count, micros] = week.get(key) ?? [0, 0n];
    week.set(key, [count + 1, micros + (row.amountMicros ?? 0n)]);
  }
  return out;
}

function asMap(created: CreatedWeeks | undefined): Map<string, Map<string, [number, bigint]>> {
  const out = new Map((created?.weeks ?? []).map((w) => [w, new Map<string, [number, bigint]>()]));
  for (const b of created?.buckets ?? []) out.get(b.week)?.set(b.currencyCode ?? '', [b.count, b.amountMicros]);
  return out;
}

const BOARDS: DashboardConfig[] = [
  dashboardDefaults({ slug: 'utc', title: 'UTC', trend: true }),
  dashboardDefaults({ slug: 'ny-sunday', title: 'NY', trend: true, timeZone: 'America/New_York', weekStart: 'sunday', rates: { EUR: '1.08' } }),
  dashboardDefaults({
    slug: 'chatham-saturday-scoped',
    title: 'Chatham',
    trend: true,
    timeZone: 'Pacific/Chatham',
    weekStart: 'saturday',
    currency: 'EUR',
    // The close-date window scopes the KPIs, never the trend.
    filter: { stages: ['NEW', 'SCREENING', 'CUSTOMER'], closeDate: { relative: 'this-month' }, minAmountMicros: '20000000000' },
  }),
];

const RUNS: [Version, string, Record<string, unknown>][] = [
  ['2.21', 'groupBy', {}],
  ['2.21', 'paging', { forceStrategy: 'paging' }],
  ['0.55', 'aggregates, auto', {}],
  ['0.55', 'aggregates, week totals', { monthDetail: 'aggregates' }],
  ['0.55', 'aggregates, page pass', { monthDetail: 'paging' }],
];

describe('the trend from the demo workspace', () => {
  test.each(RUNS.flatMap(([v, label, opts]) => BOARDS.map((b) => [v, label, b.slug, opts, b] as const)))('%s %s, %s', async (version, _label, _slug, opts, board) => {
    const rows = await everyRow(version);
    const data = await client(version, opts).fetchPipelineData(board, NOW);
    const expected = truth(rows, board);
    expect(asMap(data.created)).toEqual(expected);
    // Not a trivial answer: the seed spreads createdAt over the weeks.
    expect([...expected.values()].filter((w) => w.size > 0).length).toBeGreaterThan(3);
  });

  test('a dashboard without the trend reads none', async () => {
    const data = await client('2.21').fetchPipelineData(dashboardDefaults({ slug: 'plain', title: 'Plain' }), NOW);
    expect(data.created).toBeUndefined();
  });
});
