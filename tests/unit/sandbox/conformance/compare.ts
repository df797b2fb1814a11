// How an answer of the demo workspace is held against a captured one: HTTP status; each error's
// message, code, subCode, userFriendlyMessage and locations; whether `data` (and each root field)
// is null; the shape (keys and value types, list elements merged); and, where the manifest says
// the captured data is reproducible, the data itself.
import { isDeepStrictEqual } from 'node:util';

export type Answer = { status: number; body: unknown };
/**
 * exact: deep equality; unordered: root-field lists compared as multisets; ids-masked: uuids masked
 * first; group-order: only the sequence of groupByDimensionValues (an order that depends on values alone).
 */
export type DataMode = 'exact' | 'unordered' | 'ids-masked' | 'group-order';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parts of a message that name the server's own workspace: the Postgres schema of the workspace. */
const normaliseMessage = (m: unknown) => String(m).replace(/workspace_[0-9a-z]+\./g, 'workspace_<id>.');

type ErrorLike = { message?: unknown; locations?: unknown; extensions?: Record<string, unknown> };
const errorsOf = (body: unknown): ErrorLike[] | undefined => (isObject(body) && Array.isArray(body.errors) ? (body.errors as ErrorLike[]) : undefined);

function errorView(e: ErrorLike) {
  const ext = e.extensions ?? {};
  return {
    message: normaliseMessage(e.message),
    code: ext.code,
    subCode: ext.subCode,
    userFriendlyMessage: ext.userFriendlyMessage,
    locations: e.locations,
  };
}

/** A value's shape: scalars by type, objects by keys, lists by the merge of their elements. */
type Shape = { types: Set<string>; keys?: Map<string, Shape>; items?: Shape };

function shapeOf(value: unknown): Shape {
  if (value === null) return { types: new Set(['null']) };
  if (Array.isArray(value)) return { types: new Set(['array']), items: value.reduce<Shape | undefined>((acc, v) => merge(acc, shapeOf(v)), undefined) };
  if (isObject(value)) return { types: new Set(['object']), keys: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  return { types: new Set([typeof value]) };
}

function merge(a: Shape | undefined, b: Shape): Shape {
  if (!a) return b;
  const keys = a.keys || b.keys ? new Map(a.keys) : undefined;
  for (const [k, v] of b.keys ?? []) keys?.set(k, merge(keys.get(k), v));
  const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
  return { types: new Set([...a.types, ...b.types]), keys, items };
}

function compareShapes(real: Shape | undefined, ours: Shape | undefined, at: string, out: string[]): void {
  if (!real || !ours) return;
  const realTypes = [...real.types].filter((t) => t !== 'null');
  const ourTypes = [...ours.types].filter((t) => t !== 'null');
  // null matches anything: a value may be empty on one side only (an aggregate over no amounts).
  if (realTypes.length > 0 && ourTypes.length > 0 && !ourTypes.some((t) => realTypes.includes(t))) {
    out.push(`${at}: type ${ourTypes.join('|')}, captured ${realTypes.join('|')}`);
    return;
  }
  if (real.keys && ours.keys) {
    const r = [...real.keys.keys()].sort();
    const o = [...ours.keys.keys()].sort();
    if (!isDeepStrictEqual(r, o)) out.push(`${at}: keys ${JSON.stringify(o)}, captured ${JSON.stringify(r)}`);
    for (const k of r) compareShapes(real.keys.get(k), ours.keys.get(k), `${at}.${k}`, out);
  }
  compareShapes(real.items, ours.items, `${at}[]`, out);
}

/** Every `__typename` value by path (list positions merged): the type names are schema facts. */
function typenames(value: unknown, at = 'data', out: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(value)) for (const v of value) typenames(v, `${at}[]`, out);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__typename' && typeof v === 'string') out[at] = [...new Set([...(out[at] ?? []), v])].sort();
      else typenames(v, `${at}.${k}`, out);
    }
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function maskIds(value: unknown): unknown {
  if (typeof value === 'string') return UUID.test(value) ? '<uuid>' : value;
  if (Array.isArray(value)) return value.map(maskIds);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskIds(v)]));
  return value;
}
const sortedRoots = (data: unknown) =>
  isObject(data) ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v])) : data;

const groupOrder = (data: unknown) =>
  isObject(data) ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? v.map((g: unknown) => (isObject(g) ? g.groupByDimensionValues : g)) : v])) : data;

const VIEWS: Record<DataMode, (data: unknown) => unknown> = { exact: (d) => d, unordered: sortedRoots, 'ids-masked': maskIds, 'group-order': groupOrder };

function compareData(real: unknown, ours: unknown, mode: DataMode, out: string[]): void {
  const [r, o] = [VIEWS[mode](real), VIEWS[mode](ours)];
  if (!isDeepStrictEqual(r, o)) out.push(`data differs:\n  ours     ${JSON.stringify(o)?.slice(0, 1500)}\n  captured ${JSON.stringify(r)?.slice(0, 1500)}`);
}

/** Every difference between the two answers that the suite cares about; empty when they conform. */
export function differences(real: Answer, ours: Answer, data?: DataMode): string[] {
  const out: string[] = [];
  if (real.status !== ours.status) out.push(`status ${ours.status}, captured ${real.status}`);
  const [realErrors, ourErrors] = [errorsOf(real.body), errorsOf(ours.body)];
  if (!isDeepStrictEqual(realErrors?.map(errorView), ourErrors?.map(errorView))) {
    out.push(`errors ${JSON.stringify(ourErrors?.map(errorView))}, captured ${JSON.stringify(realErrors?.map(errorView))}`);
  }
  const realData = isObject(real.body) ? real.body.data : undefined;
  const ourData = isObject(ours.body) ? ours.body.data : undefined;
  const nullness = (d: unknown) => (d === undefined ? 'absent' : d === null ? 'null' : isObject(d) ? Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v === null])) : typeof d);
  if (!isDeepStrictEqual(nullness(realData), nullness(ourData))) out.push(`data ${JSON.stringify(nullness(ourData))}, captured ${JSON.stringify(nullness(realData))}`);
  compareShapes(shapeOf(realData), shapeOf(ourData), 'data', out);
  const [realNames, ourNames] = [typenames(realData), typenames(ourData)];
  if (!isDeepStrictEqual(realNames, ourNames)) out.push(`__typename ${JSON.stringify(ourNames)}, captured ${JSON.stringify(realNames)}`);
  if (data && out.length === 0) compareData(realData, ourData, data, out);
  return out;
}
