// The demo workspace's chart data held to every charts/ chart capture of a real Twenty 2.21
// (tests/fixtures/twenty/real-2.21/charts: bar-*, line-*, pie-*, seed-*, forbidden-*,
// opportunity-*-pointOfContact-*), replayed here with the ids swapped and the same caller. The
// captured workspace had other deals, so values are not compared; what follows from the request
// is: errors exactly, the answer's shape, axis and series labels, date label formats, orders
// (options, dates, calendar, values, manual) and the caps.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { post, start } from '@/tests/unit/sandbox/harness';
import { shapeOf, swapIds } from '@/tests/unit/sandbox/dashboards-support';
import { CYCLICAL, DATE_LABEL, chartCapture, chartFiles, chartsIdMap, generic, primaryAxisOf } from '@/tests/unit/sandbox/dashboards-real-charts-support';

const RO = 'real-charts-read-only';
const USER = 'real-charts-user';
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start({ opportunities: 300, readOnlyApiKeys: [RO], userTokens: [USER] });
  // The captured widget filter (Proposal or Customer, amount ≥ 1,000,000) matches none of the demo's
  // deals, which are smaller: one big Proposal deal gives it something to count.
  const big = { name: 'Real charts big deal', stage: 'PROPOSAL', amount: { amountMicros: 2_000_000_000_000, currencyCode: 'USD' }, closeDate: '2026-12-15T12:00:00.000Z' };
  const created = await post(sandbox, '/graphql', 'mutation($d: OpportunityCreateInput!){ createOpportunity(data:$d){ id } }', { key: USER, variables: { d: big }, capture: false });
  expect(created.body.errors).toBeUndefined();
});
afterAll(async () => {
  await sandbox.close();
});

/** Captures whose answer is the captured workspace's data only (the demo workspace has no such records or object). */
const DATA_ONLY: Record<string, string> = {
  'bar-company-object-name-count-599-groups-readonly-key.json': 'companies: the demo workspace has no company records (empty answer)',
  'line-company-object-name-count-599-groups-readonly-key.json': 'companies: no company records',
  'pie-company-object-name-count-599-groups-readonly-key.json': 'companies: no company records',
  'seed-line-company-new-customers-over-time-readonly-key.json': 'companies: no company records',
  'seed-pie-company-by-linkedin-readonly-key.json': 'companies: no linkedinLink field nor records',
  'seed-pie-company-revenue-distribution-readonly-key.json': 'companies: no annualRecurringRevenue field nor records',
  'forbidden-barChartData-seed-rockets-by-created-date-readonly-key.json': 'no rocket object in the demo workspace',
};

type Config = Record<string, unknown>;
const kindOf = (file: string) => (/(^|-)(bar|barChartData)-/.test(file) ? 'bar' : /(^|-)(line|lineChartData)-/.test(file) ? 'line' : 'pie');
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function checkOrder(config: Config, kind: string, answer: Record<string, unknown>) {
  const { labels, values, lookup } = primaryAxisOf(kind, answer);
  const orderBy = str(config.primaryAxisOrderBy) ?? str(config.orderBy);
  const granularity = str(config.primaryAxisDateGranularity) ?? str(config.dateGranularity) ?? 'DAY';
  const fieldId = str(config.primaryAxisGroupByFieldMetadataId) ?? str(config.groupByFieldMetadataId);
  const field = sandbox.workspace.metadata.allFields().find((f) => f.id === fieldId);
  const set = labels.filter((l) => l !== 'Not Set');
  if (field?.type === 'DATE_TIME') {
    const format = DATE_LABEL[granularity];
    if (format) for (const l of set) expect(l).toMatch(format);
    // Gap-filled axes drop null dates; the pie is never gap-filled.
    if (kind !== 'pie' && !CYCLICAL[granularity] && granularity !== 'DAY_OF_THE_WEEK' && granularity !== 'NONE') expect(labels).not.toContain('Not Set');
    if (orderBy === 'FIELD_ASC' || orderBy === 'FIELD_DESC') {
      const calendar = CYCLICAL[granularity];
      const rank = (l: string) => (calendar ? calendar.indexOf(l) : Date.parse(lookup[l] ?? ''));
      const ranks = set.map(rank);
      const sorted = [...ranks].sort((a, b) => (orderBy === 'FIELD_ASC' || calendar ? a - b : b - a));
      expect(ranks).toEqual(orderBy === 'FIELD_DESC' && calendar ? [...sorted].reverse() : sorted);
      if (labels.includes('Not Set')) expect(labels.at(-1)).toBe('Not Set');
    }
  }
  if (field?.type === 'SELECT' && kind !== 'pie') expect(new Set(labels)).toEqual(new Set(field.options?.map((o) => o.label)));
  if (field?.type === 'SELECT' && orderBy === 'FIELD_POSITION_ASC') {
    const position = (l: string) => field.options?.find((o) => o.label === l)?.position ?? Infinity;
    expect(labels.map(position)).toEqual(labels.map(position).sort((a, b) => a - b));
  }
  if (orderBy === 'VALUE_DESC' && !config.isCumulative) expect(values).toEqual([...values].sort((a, b) => b - a));
  const manual = (config.primaryAxisManualSortOrder ?? config.manualSortOrder) as string[] | null | undefined;
  if (orderBy === 'MANUAL' && manual) {
    const rank = (l: string) => { const i = manual.indexOf(lookup[l] ?? ''); return i < 0 ? Infinity : i; };
    expect(labels.map(rank)).toEqual(labels.map(rank).sort((a, b) => a - b));
  }
  // Caps: 100 bars / points / slices, 50 series or keys per bar.
  expect(labels.length).toBeLessThanOrEqual(100);
  if (kind === 'line') expect((answer.series as unknown[]).length).toBeLessThanOrEqual(50);
  if (kind === 'bar') expect((answer.keys as unknown[]).length).toBeLessThanOrEqual(50);
}

function checkLabels(kind: string, config: Config, answer: Record<string, unknown>, captured: Record<string, unknown>) {
  for (const key of ['xAxisLabel', 'yAxisLabel', 'showLegend', 'showDataLabels', 'layout', 'groupMode', 'indexBy', 'showCenterMetric']) {
    if (key in captured) expect(answer[key], key).toEqual(captured[key]);
  }
  const secondary = str(config.secondaryAxisGroupByFieldMetadataId);
  if (kind === 'bar' && !secondary) expect({ keys: answer.keys, series: answer.series }).toEqual({ keys: captured.keys, series: captured.series });
  if (kind === 'line') {
    const series = answer.series as { key: string; label: string }[];
    for (const s of series) expect(s.key).toMatch(/^lc_[0-9a-f]{16}:/);
    if (!secondary) {
      const strip = (ss: { key: string; label: string }[]) => ss.map((s) => ({ key: s.key.replace(/^lc_[0-9a-f]{16}:/, ''), label: s.label }));
      expect(strip(series)).toEqual(strip(captured.series as { key: string; label: string }[]));
    }
  }
}

describe('the demo workspace answers each charts/ capture as the real Twenty 2.21 did', () => {
  const files = chartFiles();
  test('the captures are all here, and each one is replayed or named as data only', () => {
    expect(files.length).toBeGreaterThan(70);
    for (const file of Object.keys(DATA_ONLY)) expect(files).toContain(file);
  });
  test.each(files.filter((f) => !(f in DATA_ONLY)))('%s', async (file) => {
    const capture = chartCapture(file);
    const body = swapIds(capture.request.body, chartsIdMap(sandbox));
    const key = file.includes('-user-token') ? USER : RO;
    const reply = await post(sandbox, '/metadata', body.query, { key, variables: body.variables ?? {} });
    const captured = capture.response.body;
    if (captured.errors) {
      expect(reply.body).toEqual(captured);
      return;
    }
    expect(reply.body.errors).toBeUndefined();
    const [root, answer] = Object.entries(reply.body.data as Record<string, Record<string, unknown>>)[0] ?? [];
    const capturedAnswer = (captured.data as Record<string, Record<string, unknown>>)[root ?? ''];
    if (!answer || !capturedAnswer) throw new Error(`no ${root} answer`);
    const kind = kindOf(file);
    const config = ((body.variables?.input ?? {}) as { configuration?: Config }).configuration ?? {};
    expect(shapeOf(generic(kind, answer))).toEqual(shapeOf(generic(kind, capturedAnswer)));
    checkLabels(kind, config, answer, capturedAnswer);
    checkOrder(config, kind, answer);
    checkOrder(config, kind, capturedAnswer);
  });
  test('the caps: the 55-groups name charts over more than 100 names give 100 bars, points, slices and hasTooManyGroups (as charts/*-599-groups did)', async () => {
    const reply = await post(sandbox, '/graphql', '{ opportunities(first: 100000) { edges { node { name } } } }', { capture: false });
    const names = new Set((reply.body.data as { opportunities: { edges: { node: { name: string } }[] } }).opportunities.edges.map((e) => e.node.name));
    expect(names.size).toBeGreaterThan(100);
    for (const kind of ['bar', 'line', 'pie'] as const) {
      const body = swapIds(chartCapture(`${kind}-opportunity-name-count-55-groups-readonly-key.json`).request.body, chartsIdMap(sandbox));
      const answer = Object.values((await post(sandbox, '/metadata', body.query, { key: RO, variables: body.variables ?? {} })).body.data as Record<string, Record<string, unknown>>)[0] ?? {};
      expect(primaryAxisOf(kind, answer).labels).toHaveLength(100);
      expect(answer.hasTooManyGroups).toBe(true);
    }
  });
});
