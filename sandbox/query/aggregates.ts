// The aggregate fields Twenty puts on connections (totalCount, sumAmountAmountMicros,
// countEmptyX, percentageNotEmptyX, minCloseDate…), computed over the whole filtered set.
import type { ObjectSpec, ScalarField } from '@/sandbox/records/object-specs';
import { toGraphqlValue } from '@/sandbox/query/values';

const OPERATIONS = [
  'countUniqueValues',
  'countNotEmpty',
  'countEmpty',
  'percentageNotEmpty',
  'percentageEmpty',
  'countTrue',
  'countFalse',
  'min',
  'max',
  'sum',
  'avg',
] as const;
type Operation = (typeof OPERATIONS)[number];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Target<Row> = { value: (row: Row) => unknown; isEmpty: (row: Row) => boolean; scalar?: ScalarField<Row> };

function targetOf<Row>(spec: ObjectSpec<Row>, rest: string): Target<Row> | undefined {
  const direct = spec.fields[lowerFirst(rest)];
  if (direct?.kind === 'composite') {
    const subs = Object.values(direct.sub);
    // Twenty counts a composite as empty only when every subfield is: an amount with a currency
    // but no micros is "not empty" (captured: count-empty-amount-semantics-*.json).
    const columns = subs.filter((s) => s.kind !== 'json');
    const isEmpty = (r: Row) => columns.every((s) => { const v = s.get(r); return v === null || v === ''; });
    return { value: (r) => JSON.stringify(subs.map((s) => s.get(r))), isEmpty };
  }
  if (direct) return { value: direct.get, isEmpty: (r) => direct.get(r) === null || direct.get(r) === '', scalar: direct };
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.kind !== 'composite' || !rest.startsWith(upperFirst(name))) continue;
    const sub = field.sub[lowerFirst(rest.slice(name.length))];
    if (sub) return { value: sub.get, isEmpty: (r) => sub.get(r) === null || sub.get(r) === '', scalar: sub };
  }
  return undefined;
}

/** Postgres AVG(numeric) keeps at least 16 significant digits (scale = 16 - 4 × base-10000 digits). */
function postgresAverage(sum: number, count: number): number {
  const q = sum / count;
  if (q === 0 || Number.isInteger(q)) return q;
  const weight = Math.floor(Math.log10(Math.abs(q)) / 4);
  const scale = Math.max(0, Math.min(20, 16 - (weight + 1) * 4));
  const factor = 10 ** scale;
  return Math.round(q * factor) / factor;
}

/** One pass, no intermediate arrays: sums over 100k rows happen on every dashboard refresh. */
function numericStats<Row>(rows: readonly Row[], get: (row: Row) => string | number | null) {
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i] as Row);
    if (typeof v !== 'number') continue;
    count += 1;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, sum, min, max };
}

/** Whether `name` is an aggregate field of the object's connection (totalCount, sumAmountAmountMicros…). */
export function isAggregateName<Row>(spec: ObjectSpec<Row>, name: string): boolean {
  if (name === 'totalCount') return true;
  const op = OPERATIONS.find((o) => name.startsWith(o));
  return op !== undefined && targetOf(spec, name.slice(op.length)) !== undefined;
}

export function aggregateOf<Row>(spec: ObjectSpec<Row>, rows: readonly Row[], name: string): unknown {
  if (name === 'totalCount') return rows.length;
  const op: Operation | undefined = OPERATIONS.find((o) => name.startsWith(o));
  const target = op ? targetOf(spec, name.slice(op.length)) : undefined;
  if (!op || !target) return null;
  const total = rows.length;
  const empty = () => rows.reduce((n, r) => n + (target.isEmpty(r) ? 1 : 0), 0);
  switch (op) {
    case 'countEmpty':
      return empty();
    case 'countNotEmpty':
      return total - empty();
    case 'percentageEmpty':
      return total === 0 ? null : empty() / total;
    case 'percentageNotEmpty':
      return total === 0 ? null : (total - empty()) / total;
    case 'countUniqueValues':
      return new Set(rows.filter((r) => !target.isEmpty(r)).map(target.value)).size;
    case 'countTrue':
    case 'countFalse':
      return rows.filter((r) => target.value(r) === (op === 'countTrue')).length;
  }
  const scalar = target.scalar;
  if (!scalar) return null;
  const stats = numericStats(rows, scalar.get);
  if (stats.count === 0) return null;
  if (op === 'sum') return stats.sum;
  if (op === 'avg') return postgresAverage(stats.sum, stats.count);
  return toGraphqlValue(scalar.kind, op === 'min' ? stats.min : stats.max);
}
