// For dashboards-real-charts.test.ts: the charts/ captures (real-2.21/charts, a workspace of 155
// deals with its own ids) with their object and field ids mapped onto the demo workspace's, and the
// checks that hold whatever the data: shape, label formats, orders that follow from the configuration.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Sandbox } from '@/sandbox/index';
import { fixture } from '@/tests/unit/sandbox/harness';
import type { Capture } from '@/tests/unit/sandbox/dashboards-support';

const DIR = resolve(__dirname, '../../fixtures/twenty/real-2.21/charts');
const CHART_FILE = /^(bar|line|pie|seed-(bar|line|pie)|forbidden|opportunity-.*pointOfContact)-.*\.json$/;
export const chartFiles = () => readdirSync(DIR).filter((f) => CHART_FILE.test(f) && f !== 'pie-widget-filter-translation.json').sort();
export const chartCapture = (file: string) => fixture<Capture>(`real-2.21/charts/${file}`);

/** Ids of the charts/ workspace (seed-getPageLayouts-DASHBOARD-full, metadata-object-*-fields) → object and field names. */
const OBJECTS: Record<string, string> = { '087dd9f2-7754-4d8c-acd8-9d7ad681282b': 'opportunity', '2375aa59-117c-4b19-b96f-92a104d5fd4a': 'person', '7a6c76d9-0f2f-4708-83aa-0f7bc45f0075': 'company' };
const FIELDS: Record<string, [string, string]> = {
  '86b959ac-37c0-4a98-8428-7635f8b2489e': ['opportunity', 'id'],
  '8f108126-0b85-4637-be76-3f328dc2528d': ['opportunity', 'amount'],
  '879e2e53-a5b4-42ee-8f6f-44c2b43f9129': ['opportunity', 'stage'],
  '6176c516-bf5d-46e3-a817-91264f2e97dd': ['opportunity', 'closeDate'],
  'c1165dbd-c7b9-4a2b-8219-b866c076e961': ['opportunity', 'name'],
  '841a7270-4faa-4ff6-81da-df9ffc50d1eb': ['opportunity', 'company'],
  'a2c88d94-e99c-4b83-b46b-1e81289d957c': ['opportunity', 'owner'],
  '8b8f1453-76a5-429b-8600-f7b0db92935f': ['opportunity', 'pointOfContact'],
  '4258ea51-12ba-451f-95fa-b80ecc1e51ed': ['person', 'id'],
  '7711e2c5-a007-4b6e-9e26-8a9ced7be053': ['person', 'jobTitle'],
  '4d195e6c-3f22-44f7-896c-45ac6ed05d3f': ['person', 'createdAt'],
  '3fd96aad-ef57-4742-a89d-8e197f52bcef': ['company', 'id'],
  'bd23fe4f-e407-4b56-85b1-50563457f8c3': ['company', 'name'],
};

export function chartsIdMap(sandbox: Sandbox): Map<string, string> {
  const meta = sandbox.workspace.metadata;
  const map = new Map<string, string>();
  for (const [id, name] of Object.entries(OBJECTS)) map.set(id, meta.object(name).id);
  for (const [id, [object, field]] of Object.entries(FIELDS)) {
    const found = meta.object(object).fields.find((f) => f.name === field);
    if (!found) throw new Error(`no ${object}.${field}`);
    map.set(id, found.id);
  }
  return map;
}

/** Label formats of the server's format-date-by-granularity (en-US), by granularity. */
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const MON = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
export const DATE_LABEL: Record<string, RegExp> = {
  DAY: new RegExp(`^${MON} \\d{1,2}, \\d{4}$`),
  WEEK: new RegExp(`^${MON} \\d{1,2}( - \\d{1,2}| - ${MON} \\d{1,2}), \\d{4}$|^${MON} \\d{1,2}, \\d{4} - ${MON} \\d{1,2}, \\d{4}$`),
  MONTH: new RegExp(`^${MONTH} \\d{4}$`),
  QUARTER: /^Q[1-4] \d{4}$/,
  YEAR: /^\d{4}$/,
  MONTH_OF_THE_YEAR: new RegExp(`^${MONTH}$`),
  DAY_OF_THE_WEEK: /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/,
  QUARTER_OF_THE_YEAR: /^Q[1-4]$/,
};
export const CYCLICAL: Record<string, string[]> = {
  MONTH_OF_THE_YEAR: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  QUARTER_OF_THE_YEAR: ['Q1', 'Q2', 'Q3', 'Q4'],
};

/** The answer's labels, lookup and values along the primary axis, whatever the chart kind. */
export type Axis = { labels: string[]; values: number[]; lookup: Record<string, string> };
export function primaryAxisOf(kind: string, answer: Record<string, unknown>): Axis {
  const lookup = (answer.formattedToRawLookup ?? {}) as Record<string, string>;
  if (kind === 'pie') {
    const data = answer.data as { key: string; value: number }[];
    return { labels: data.map((d) => d.key), values: data.map((d) => d.value), lookup };
  }
  if (kind === 'line') {
    const series = answer.series as { data: { x: string; y: number }[] }[];
    const xs = series[0]?.data.map((p) => p.x) ?? [];
    return { labels: xs, values: xs.map((_, i) => series.reduce((s, se) => s + (se.data[i]?.y ?? 0), 0)), lookup };
  }
  // A bar row carries every secondary value, also those past the 50 shown keys (bar-chart-data.service).
  const indexBy = String(answer.indexBy);
  const rows = answer.data as Record<string, string | number>[];
  const total = (r: Record<string, string | number>) => Object.entries(r).reduce((s, [k, v]) => s + (k !== indexBy && typeof v === 'number' ? v : 0), 0);
  return { labels: rows.map((r) => String(r[indexBy])), values: rows.map(total), lookup };
}

/** The answer with label-named keys (bar rows, lookups) made generic, for a shape comparison. */
export function generic(kind: string, answer: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answer, formattedToRawLookup: 'lookup' };
  if (kind === 'bar') {
    const indexBy = String(answer.indexBy);
    const rows = answer.data as Record<string, unknown>[];
    out.data = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === indexBy ? 'indexBy' : 'key', v])));
  }
  return out;
}
