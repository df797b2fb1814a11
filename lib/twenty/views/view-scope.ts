import type { ViewScope } from '@/lib/pipeline/types';
import type { OpportunityFilterInput } from '@/lib/twenty/filters';
import type { FilterSet } from '@/lib/twenty/views/view-filter-schema';

// A saved view's translated filter in the terms of the webhook path's predicate (deal-scope.ts
// inScope): stage `in`, close date `gte`/`lt`, owner `in`, amount `gte`, AND-ed. Anything else
// (OR groups, `not`, text, currency codes, `lte`/`eq`, emptiness, a relative date that moves with
// the clock) is not exact there: a delivery then cannot be placed and the dashboard is refreshed.

type Narrowing = { stages: string[] | null; from: string | null; to: string | null; ownerIds: string[] | null; min: bigint | null };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const intersect = (a: string[] | null, b: string[]) => (a === null ? [...b] : a.filter((s) => b.includes(s)));

/** The one `{field: {…: {op: value}}}` path of a leaf, or null when it is not a single chain. */
function leafPath(part: Record<string, unknown>): { path: string[]; value: unknown } | null {
  const path: string[] = [];
  let node: unknown = part;
  while (isObject(node)) {
    const keys = Object.keys(node);
    if (keys.length !== 1) return null;
    const [key] = keys as [string];
    path.push(key);
    node = node[key];
  }
  return { path, value: node };
}

/** Narrows `n` by one leaf; false when the leaf is not one the predicate reads. */
function narrow(n: Narrowing, part: Record<string, unknown>): boolean {
  const leaf = leafPath(part);
  if (!leaf) return false;
  const { path, value } = leaf;
  const at = path.join('.');
  if (at === 'stage.in' && isStrings(value)) n.stages = intersect(n.stages, value);
  else if (at === 'ownerId.in' && isStrings(value)) n.ownerIds = intersect(n.ownerIds, value);
  else if (at === 'closeDate.gte' && typeof value === 'string') n.from = n.from === null || value > n.from ? value : n.from;
  else if (at === 'closeDate.lt' && typeof value === 'string') n.to = n.to === null || value < n.to ? value : n.to;
  else if (at === 'amount.amountMicros.gte' && (typeof value === 'number' || typeof value === 'string') && /^-?\d+$/.test(String(value))) {
    const min = BigInt(String(value));
    n.min = n.min === null || min > n.min ? min : n.min;
  } else return false;
  return true;
}

function flatten(filter: OpportunityFilterInput): Record<string, unknown>[] | null {
  const keys = Object.keys(filter);
  if (keys.length === 1 && keys[0] === 'and') {
    const list = filter.and;
    if (!Array.isArray(list) || !list.every(isObject)) return null;
    const parts = list.map(flatten);
    return parts.every((p): p is Record<string, unknown>[] => p !== null) ? parts.flat() : null;
  }
  return keys.some((k) => k === 'or' || k === 'not') ? null : [filter];
}

/** The view as the webhook path can evaluate it; `set` tells a clock-bound (relative) date apart. */
export function viewScopeOf(viewId: string, filter: OpportunityFilterInput | null, set: FilterSet): ViewScope {
  if (set.filters.some((f) => f.operand === 'IS_RELATIVE')) return { viewId, exact: false };
  const n: Narrowing = { stages: null, from: null, to: null, ownerIds: null, min: null };
  const parts = filter === null ? [] : flatten(filter);
  if (parts === null || !parts.every((p) => narrow(n, p))) return { viewId, exact: false };
  return {
    viewId,
    exact: true,
    stages: n.stages,
    closeDate: n.from === null && n.to === null ? null : { from: n.from, to: n.to },
    ownerIds: n.ownerIds,
    minAmountMicros: n.min === null ? null : n.min.toString(),
  };
}
