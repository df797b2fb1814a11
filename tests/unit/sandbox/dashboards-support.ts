// Shared by the dashboard tests: the q3 captures (views-dashboards/q3-*) with the captured
// workspace's metadata ids swapped for the demo workspace's, so a captured request can be replayed
// here as it was sent there.
import type { Sandbox } from '@/sandbox/index';
import { fixture, post, type Reply } from '@/tests/unit/sandbox/harness';

export type Capture = { request: { body: { query: string; variables?: Record<string, unknown> } }; response: { body: Reply['body'] } };
export const q3 = (name: string) => fixture<Capture>(`real-2.21/views-dashboards/q3-${name}.json`);

/** Captured metadata ids → the names of what they identify. */
const CAPTURED_OBJECTS: Record<string, string> = { '07152cd2-888d-452b-8699-4d3a73044824': 'opportunity', '485af059-072b-4ecb-a66c-28c21726f23b': 'person' };
const CAPTURED_FIELDS: Record<string, [string, string]> = {
  '1e24dcc3-5757-4445-9870-d11057dc5758': ['opportunity', 'amount'],
  'e225066a-516c-4e78-827d-a2d1ef58d397': ['opportunity', 'stage'],
  '31bfa4cc-ca9c-47a7-bb4a-ef78e42f5857': ['opportunity', 'owner'],
  'b7437ced-9369-494d-b9c5-9e6ca27a6896': ['opportunity', 'id'],
  '89351f06-9719-4919-aa03-d62150e825a8': ['opportunity', 'company'],
  'b779901e-59e1-44ce-a6eb-ef3cf8ed1a57': ['opportunity', 'closeDate'],
  '540a2aee-5d07-4f22-b490-627a80173d02': ['person', 'id'],
  '68fff77a-2c1d-4893-8f7d-993eb27ca09c': ['person', 'jobTitle'],
};

/** The captured ids → this workspace's, for every object and field a q3 request names. */
export function idMap(sandbox: Sandbox): Map<string, string> {
  const meta = sandbox.workspace.metadata;
  const map = new Map<string, string>();
  for (const [id, name] of Object.entries(CAPTURED_OBJECTS)) map.set(id, meta.object(name).id);
  for (const [id, [object, field]] of Object.entries(CAPTURED_FIELDS)) {
    const found = meta.object(object).fields.find((f) => f.name === field);
    if (!found) throw new Error(`no ${object}.${field}`);
    map.set(id, found.id);
  }
  return map;
}

/** JSON with every key of `map` replaced by its value (ids in strings, keys or values). */
export function swapIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  let text = JSON.stringify(value);
  for (const [from, to] of map) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

/** Replays a captured request as `key`, its ids swapped (plus `extra` ones, e.g. a layout's id). */
export function replay(sandbox: Sandbox, capture: Capture, key: string, extra: Record<string, string> = {}): Promise<Reply> {
  const map = new Map([...idMap(sandbox), ...Object.entries(extra)]);
  const body = swapIds(capture.request.body, map);
  return post(sandbox, '/metadata', body.query, { key, variables: body.variables ?? {} });
}

/** The shape of a JSON value: objects by their sorted keys (recursively), arrays by their first item. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return value === null ? null : typeof value;
}

/** `value` with the values of `keys` (anywhere in it) replaced by "*": ids and times made here. */
export function masked(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => masked(v, keys));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys.includes(k) ? '*' : masked(v, keys)]));
  }
  return value;
}

export type Deal = { id: string; stage: string; closeDate: string | null; amount: { amountMicros: number | null; currencyCode: string | null }; owner: { name: { firstName: string } } | null; company: { name: string } | null };

/** Every live deal, read through the API, for the tests' own totals. */
export async function dealsOf(sandbox: Sandbox): Promise<Deal[]> {
  const reply = await post(sandbox, '/graphql', '{ opportunities(first: 100000) { edges { node { id stage closeDate amount { amountMicros currencyCode } owner { name { firstName } } company { name } } } } }', { capture: false });
  const data = reply.body.data as { opportunities: { edges: { node: Deal }[] } };
  return data.opportunities.edges.map((e) => e.node);
}

/** Twenty's chart units: amounts in currency units. */
export const units = (deals: readonly Deal[]) => deals.reduce((s, d) => s + (d.amount.amountMicros ?? 0), 0) / 1_000_000;

export function chartQuery(kind: 'bar' | 'line' | 'pie'): string {
  if (kind === 'bar') return 'query($i:BarChartDataInput!){ barChartData(input:$i){ data indexBy keys series{ key label } xAxisLabel yAxisLabel showLegend showDataLabels layout groupMode hasTooManyGroups formattedToRawLookup } }';
  if (kind === 'line') return 'query($i:LineChartDataInput!){ lineChartData(input:$i){ series{ key label data{ x y } } xAxisLabel yAxisLabel showLegend showDataLabels hasTooManyGroups formattedToRawLookup } }';
  return 'query($i:PieChartDataInput!){ pieChartData(input:$i){ data{ key value } showLegend showDataLabels showCenterMetric hasTooManyGroups formattedToRawLookup } }';
}
