// opportunitiesGroupBy: one group per distinct combination of dimension values over the filtered
// set, each keeping its rows so any aggregate field can be answered per group.
import { badUserInput } from '@/lib/sandbox/graphql/errors';
import { fieldOf, type ObjectSpec, type ScalarField } from '@/lib/sandbox/records/object-specs';
import { aggregateOf } from '@/lib/sandbox/query/aggregates';
import { dateBucketer, GRANULARITIES, type Granularity } from '@/lib/sandbox/query/date-buckets';
import { isRecord, type QueryEnv } from '@/lib/sandbox/query/filter';
import { compareValues } from '@/lib/sandbox/query/values';

/** Twenty's DEFAULT_NUMBER_OF_GROUPS_LIMIT: without `limit`, only 50 groups come back. */
export const DEFAULT_GROUP_LIMIT = 50;

type Dimension<Row> = { field: string; sub?: string; select: boolean; numeric: boolean; value: (row: Row) => string | null };
export type Group<Row> = { values: (string | null)[]; rows: Row[] };

function scalarDimension<Row>(field: string, scalar: ScalarField<Row>, spec: unknown, sub?: string): Dimension<Row> {
  const base = { field, sub, select: scalar.kind === 'select', numeric: scalar.kind === 'number' || scalar.kind === 'numeric' };
  if (scalar.kind === 'date') {
    const granularity = isRecord(spec) ? spec.granularity : undefined;
    if (!GRANULARITIES.includes(granularity as Granularity)) throw badUserInput(`A granularity is required to group by "${field}"`);
    const timeZone = isRecord(spec) && typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
    const bucket = dateBucketer(granularity as Granularity, timeZone);
    return { ...base, value: (row) => { const v = scalar.get(row); return typeof v === 'number' ? bucket(v) : null; } };
  }
  if (spec !== true) throw badUserInput(`Invalid group by value for "${field}"`);
  // An empty string groups with null, as the dashboard expects for amounts without a currency.
  return { ...base, value: (row) => { const v = scalar.get(row); return v === null || v === '' ? null : String(v); } };
}

function dimensionsOf<Row>(spec: ObjectSpec<Row>, groupBy: unknown): Dimension<Row>[] {
  const entries = Array.isArray(groupBy) ? groupBy : [groupBy];
  if (entries.length === 0) throw badUserInput('At least one group by field is required');
  return entries.map((entry) => {
    const keys = isRecord(entry) ? Object.keys(entry).filter((k) => entry[k] !== undefined && entry[k] !== null) : [];
    const name = keys[0];
    if (keys.length !== 1 || name === undefined || !isRecord(entry)) throw badUserInput('Each group by object must name exactly one field');
    const field = fieldOf(spec, name);
    const fieldName = spec.joinColumns[name] ?? name;
    if (!field) throw badUserInput(`Field "${name}" does not exist on ${spec.nameSingular}`);
    if (field.kind !== 'composite') return scalarDimension(fieldName, field, entry[name]);
    const subSpec = entry[name];
    const subNames = isRecord(subSpec) ? Object.keys(subSpec).filter((k) => subSpec[k] === true) : [];
    const sub = subNames.length === 1 && subNames[0] !== undefined ? field.sub[subNames[0]] : undefined;
    if (!sub || subNames[0] === undefined) throw badUserInput(`Group by "${name}" must name exactly one subfield`);
    return scalarDimension(fieldName, sub, true, subNames[0]);
  });
}

function compareDimension<Row>(dim: Dimension<Row>, env: QueryEnv, a: string | null, b: string | null, nullsFirst = false): number {
  if (a === b) return 0;
  if (a === null) return nullsFirst ? -1 : 1;
  if (b === null) return nullsFirst ? 1 : -1;
  if (dim.select) return env.rank(dim.field, a) - env.rank(dim.field, b);
  return dim.numeric ? Number(a) - Number(b) : compareValues(a, b);
}

type GroupOrder<Row> = (a: Group<Row>, b: Group<Row>) => number;

function groupOrders<Row>(spec: ObjectSpec<Row>, dims: Dimension<Row>[], orderBy: unknown, env: QueryEnv): GroupOrder<Row>[] {
  const orders: GroupOrder<Row>[] = [];
  const direction = (d: unknown) => ({ desc: String(d).startsWith('Desc'), nullsFirst: String(d).endsWith('NullsFirst') });
  for (const entry of Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []) {
    if (!isRecord(entry)) continue;
    for (const [name, value] of Object.entries(entry)) {
      if (value === undefined || value === null) continue;
      if (name === 'aggregate' && isRecord(value)) {
        for (const [aggregate, dir] of Object.entries(value)) {
          const { desc } = direction(dir);
          orders.push((a, b) => {
            const c = compareValues(Number(aggregateOf(spec, a.rows, aggregate) ?? 0), Number(aggregateOf(spec, b.rows, aggregate) ?? 0));
            return desc ? -c : c;
          });
        }
        continue;
      }
      const fieldName = spec.joinColumns[name] ?? name;
      const dirs: [string | undefined, unknown][] =
        isRecord(value) && !('orderBy' in value) ? Object.entries(value) : [[undefined, isRecord(value) ? value.orderBy : value]];
      for (const [sub, dir] of dirs) {
        const index = dims.findIndex((d) => d.field === fieldName && d.sub === sub);
        const dim = dims[index];
        if (!dim) throw badUserInput(`Cannot order groups by "${name}": it is not a group by dimension`);
        const { desc, nullsFirst } = direction(dir);
        orders.push((a, b) => {
          const c = compareDimension(dim, env, a.values[index] ?? null, b.values[index] ?? null, nullsFirst !== desc);
          return desc ? -c : c;
        });
      }
    }
  }
  // Twenty leaves unordered groups to Postgres; a fixed order keeps the demo repeatable.
  dims.forEach((dim, i) => orders.push((a, b) => compareDimension(dim, env, a.values[i] ?? null, b.values[i] ?? null)));
  return orders;
}

/** One pass over the rows; a group's key is its dimension values joined. */
function collectGroups<Row>(dims: Dimension<Row>[], matched: readonly Row[]): Group<Row>[] {
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
  return [...groups.values()];
}

export function groupRows<Row>(
  spec: ObjectSpec<Row>,
  matched: readonly Row[],
  args: { groupBy: unknown; orderBy?: unknown; limit?: number | null },
  env: QueryEnv,
): Group<Row>[] {
  const dims = dimensionsOf(spec, args.groupBy);
  const groups = collectGroups(dims, matched);
  const orders = groupOrders(spec, dims, args.orderBy, env);
  const sorted = groups.sort((a, b) => {
    for (const order of orders) {
      const c = order(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
  const limit = typeof args.limit === 'number' && Number.isInteger(args.limit) && args.limit > 0 ? args.limit : DEFAULT_GROUP_LIMIT;
  return sorted.slice(0, limit);
}
