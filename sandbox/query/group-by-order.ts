// `orderBy` of 2.21's groupBy: one criterion per list item (a dimension, a date dimension with
// its granularity, a relation path, or one aggregate), with the captured error texts. Values
// compare as the text Postgres groups (stage alphabetically, not in option order).
import { badUserInput } from '@/sandbox/graphql/errors';
import { fieldOf, type ObjectSpec } from '@/sandbox/records/object-specs';
import { aggregateOf, isAggregateName } from '@/sandbox/query/aggregates';
import { isRecord } from '@/sandbox/query/filter';
import type { Dimension } from '@/sandbox/query/group-by-dimensions';
import type { Relations } from '@/sandbox/query/relations';
import { compareValues } from '@/sandbox/query/values';

export type Group<Row> = { values: (string | null)[]; rows: Row[] };
export type GroupOrder<Row> = (a: Group<Row>, b: Group<Row>) => number;

const DIRECTIONS: Record<string, { desc: boolean; nullsFirst: boolean }> = {
  AscNullsFirst: { desc: false, nullsFirst: true },
  AscNullsLast: { desc: false, nullsFirst: false },
  DescNullsFirst: { desc: true, nullsFirst: true },
  DescNullsLast: { desc: true, nullsFirst: false },
};
const DATE_KEYS = new Set(['orderBy', 'granularity']);

function directionOf(value: unknown) {
  const d = typeof value === 'string' ? DIRECTIONS[value] : undefined;
  if (!d) throw badUserInput(`Invalid order direction: ${JSON.stringify(value)}`);
  return d;
}

function compareNullable(a: string | number | null, b: string | number | null, dir: { desc: boolean; nullsFirst: boolean }): number {
  if (a === b) return 0;
  if (a === null) return dir.nullsFirst ? -1 : 1;
  if (b === null) return dir.nullsFirst ? 1 : -1;
  const c = compareValues(a, b);
  return dir.desc ? -c : c;
}

const notGrouped = (name: string) => badUserInput(`Cannot order by a field that is not an aggregate nor in groupBy criteria: ${name}.`);

function aggregateOrders<Row>(spec: ObjectSpec<Row>, value: unknown): GroupOrder<Row>[] {
  const keys = isRecord(value) ? Object.keys(value) : [];
  if (keys.length > 1) throw badUserInput('Please provide aggregate criteria one by one in orderBy array');
  const name = keys[0];
  if (name === undefined || !isRecord(value)) return [];
  if (!isAggregateName(spec, name)) throw badUserInput(`Unknown aggregate field: ${name}`);
  const dir = directionOf(value[name]);
  const of = (g: Group<Row>) => {
    const v = aggregateOf(spec, g.rows, name);
    return typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : null;
  };
  return [(a, b) => compareNullable(of(a), of(b), dir)];
}

/** A (path, direction) pair from a nested order value: {name: {firstName: DescNullsLast}} → name.firstName. */
function leafOf(value: unknown, path: string[]): { path: string[]; direction: unknown } {
  if (!isRecord(value)) return { path, direction: value };
  const [key] = Object.keys(value);
  return key === undefined ? { path, direction: undefined } : leafOf(value[key], [...path, key]);
}

function fieldOrder<Row>(spec: ObjectSpec<Row>, dims: Dimension<Row>[], relations: Relations<Row>, name: string, value: unknown): GroupOrder<Row> {
  const field = relations[name] ? undefined : fieldOf(spec, name);
  const isJoinColumn = Object.values(spec.joinColumns).includes(name);
  const sameRoot = dims.filter((d) => d.path[0] === name);
  if (!relations[name] && (!field || (isJoinColumn && sameRoot.length === 0))) throw badUserInput(`Cannot orderBy unknown field: ${name}.`);
  let path: string[];
  let direction: unknown;
  let granularity: unknown;
  if (field?.kind === 'date') {
    const options = isRecord(value) ? value : {};
    if (!('granularity' in options)) throw badUserInput(`Cannot order by a field that is not in groupBy or that is not an aggregate field: ${Object.keys(options)[0] ?? name}`);
    [path, direction, granularity] = [[name], options.orderBy, options.granularity];
    const unknown = Object.keys(options).find((k) => !DATE_KEYS.has(k));
    if (unknown) throw badUserInput(`Cannot order by a field that is not in groupBy or that is not an aggregate field: ${unknown}`);
  } else {
    ({ path, direction } = leafOf(value, [name]));
  }
  const index = dims.findIndex((d) => d.path.join('.') === path.join('.'));
  const dim = dims[index];
  if (!dim) throw notGrouped(name);
  if (granularity !== undefined && dim.granularity !== granularity) throw badUserInput(`Cannot order by a date granularity that is not in groupBy criteria: ${String(granularity)}`);
  const dir = directionOf(direction);
  const of = (g: Group<Row>) => {
    const v = g.values[index] ?? null;
    return v !== null && dim.numeric ? Number(v) : v;
  };
  return (a, b) => compareNullable(of(a), of(b), dir);
}

/** The comparators the orderBy list asks for; an item's aggregate applies before its other keys. */
export function groupOrders<Row>(spec: ObjectSpec<Row>, dims: Dimension<Row>[], orderBy: unknown, relations: Relations<Row>): GroupOrder<Row>[] {
  const orders: GroupOrder<Row>[] = [];
  for (const item of Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []) {
    if (!isRecord(item)) continue;
    const keys = Object.keys(item).filter((k) => item[k] !== undefined && item[k] !== null);
    if (keys.includes('aggregate')) orders.push(...aggregateOrders(spec, item.aggregate));
    for (const key of keys) if (key !== 'aggregate') orders.push(fieldOrder(spec, dims, relations, key, item[key]));
  }
  return orders;
}
