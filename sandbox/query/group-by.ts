// opportunitiesGroupBy (2.21): one group per distinct combination of dimension values over the
// filtered set, each keeping its rows so any aggregate field can be answered per group. Without
// `orderBy` Postgres returns groups in no particular order; here that is a fixed hash order, so a
// client that relies on the order breaks here as it would against Twenty.
import type { ObjectSpec } from '@/sandbox/records/object-specs';
import { dimensionsOf, type Dimension } from '@/sandbox/query/group-by-dimensions';
import { groupOrders, type Group } from '@/sandbox/query/group-by-order';
import type { Relations } from '@/sandbox/query/relations';

export type { Group } from '@/sandbox/query/group-by-order';

/** Twenty's DEFAULT_NUMBER_OF_GROUPS_LIMIT: without `limit` (or with 0 or less) 50 groups come back. */
export const DEFAULT_GROUP_LIMIT = 50;

/** FNV-1a: a stable stand-in for Postgres' hash aggregate order. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One pass over the rows; a group's key is its dimension values joined. */
function collectGroups<Row>(dims: Dimension<Row>[], matched: readonly Row[]): Map<string, Group<Row>> {
  const groups = new Map<string, Group<Row>>();
  for (const row of matched) {
    let key = '';
    for (const dim of dims) key += `${dim.value(row) ?? '\u0001'}\u0000`;
    let group = groups.get(key);
    if (!group) {
      group = { values: dims.map((d) => d.value(row)), rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return groups;
}

export function groupRows<Row>(
  spec: ObjectSpec<Row>,
  matched: readonly Row[],
  args: { groupBy: unknown; orderBy?: unknown; limit?: unknown },
  relations: Relations<Row>,
): Group<Row>[] {
  const dims = dimensionsOf(spec, args.groupBy, relations);
  // GROUP BY () over no dimensions is one group, even over no rows.
  if (dims.length === 0) return [{ values: [], rows: [...matched] }];
  const orders = groupOrders(spec, dims, args.orderBy, relations);
  const keyed = [...collectGroups(dims, matched)].map(([key, group]) => ({ group, hash: hashOf(key) }));
  keyed.sort((a, b) => {
    for (const order of orders) {
      const c = order(a.group, b.group);
      if (c !== 0) return c;
    }
    return a.hash - b.hash;
  });
  const limit = typeof args.limit === 'number' && Number.isInteger(args.limit) && args.limit > 0 ? args.limit : DEFAULT_GROUP_LIMIT;
  return keyed.slice(0, limit).map((k) => k.group);
}
