// Find-many as Twenty's query runner does it: argument checks with its exact messages, filter,
// order with the id tie-breaker, cursor paging, and the whole filtered set kept for aggregates.
import { argumentError } from '@/sandbox/graphql/errors';
import type { ObjectSpec } from '@/sandbox/records/object-specs';
import { compileFilter, mentionsDeletedAt, type QueryEnv } from '@/sandbox/query/filter';
import {
  compareVectors,
  decodeCursor,
  isIdOrder,
  sortKeysOf,
  vectorOf,
  type SortKey,
} from '@/sandbox/query/order';

export type FindManyArgs = {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
  limit?: number | null;
  /** 2.21: records to skip after the cursor position. */
  offset?: number | null;
  filter?: unknown;
  orderBy?: unknown;
};

/** Page sizes differ by version (v0.55: 60 by default, 2.21: 200); neither caps `first`. */
export type PagePolicy = { defaultSize: number; maxSize: number | null };

export type Connection<Row> = {
  matched: readonly Row[];
  page: readonly Row[];
  keys: SortKey<Row>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
};

export function matchRows<Row extends { deletedAt: number | null }>(
  rows: readonly Row[],
  spec: ObjectSpec<Row>,
  filter: unknown,
  env: QueryEnv,
): Row[] {
  const predicate = compileFilter(spec, filter, env);
  const withDeleted = mentionsDeletedAt(filter);
  // A plain loop: this scan is the hot path of every request on a 100k-deal workspace.
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    if ((withDeleted || row.deletedAt === null) && predicate(row) === true) out.push(row);
  }
  return out;
}

function validate(args: FindManyArgs, strict: boolean): void {
  const conflict = (message: string) => argumentError(message, 'ARGS_CONFLICT', strict);
  // Truthiness, not presence, exactly as Twenty's runner checks them.
  if (args.first && args.last) throw conflict('Cannot provide both first and last');
  if (args.before && args.after) throw conflict('Cannot provide both before and after');
  if (args.before && args.first) throw conflict('Cannot provide both before and first');
  if (args.after && args.last) throw conflict('Cannot provide both after and last');
  if (typeof args.first === 'number' && args.first < 0) throw argumentError('First argument must be non-negative', 'INVALID_ARGS_FIRST', strict);
  if (typeof args.last === 'number' && args.last < 0) throw argumentError('Last argument must be non-negative', 'INVALID_ARGS_LAST', strict);
}

/** Index of the first entry for which `after(entry)` holds, over a sorted list. */
function firstIndex<Row>(rows: readonly Row[], after: (row: Row) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid];
    if (row !== undefined && after(row)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function sortRows<Row>(rows: Row[], keys: SortKey<Row>[], env: QueryEnv): Row[] {
  if (isIdOrder(keys)) return rows;
  return rows
    .map((row) => ({ row, v: vectorOf(keys, row) }))
    .sort((a, b) => compareVectors(keys, env, a.v, b.v))
    .map((d) => d.row);
}

/** Orders already-matched rows and cuts the page the cursor arguments ask for. */
export function paginate<Row>(
  rows: Row[],
  spec: ObjectSpec<Row>,
  args: FindManyArgs,
  policy: PagePolicy,
  env: QueryEnv,
): Connection<Row> {
  const keys = sortKeysOf(spec, args.orderBy);
  const matched = sortRows(rows, keys, env);
  const requested = args.first ?? args.last ?? args.limit ?? policy.defaultSize;
  const size = policy.maxSize === null ? requested : Math.min(requested, policy.maxSize);

  const relativeTo = (cursor: string) => {
    const target = decodeCursor(keys, cursor);
    return (row: Row) => compareVectors(keys, env, vectorOf(keys, row), target);
  };
  const afterCursor = args.after ? relativeTo(args.after) : null;
  const beforeCursor = args.before ? relativeTo(args.before) : null;
  const skip = typeof args.offset === 'number' && args.offset > 0 ? args.offset : 0;
  const lo = Math.min(matched.length, (afterCursor ? firstIndex(matched, (r) => afterCursor(r) > 0) : 0) + skip);
  const hi = beforeCursor ? firstIndex(matched, (r) => beforeCursor(r) >= 0) : matched.length;

  if (typeof args.last === 'number') {
    const start = Math.max(lo, hi - size);
    return { matched, keys, page: matched.slice(start, hi), hasPreviousPage: start > lo, hasNextPage: false };
  }
  const end = Math.min(hi, lo + size);
  return { matched, keys, page: matched.slice(lo, end), hasNextPage: end < hi, hasPreviousPage: false };
}

export function findMany<Row extends { deletedAt: number | null }>(
  rows: readonly Row[],
  spec: ObjectSpec<Row>,
  args: FindManyArgs,
  policy: PagePolicy,
  env: QueryEnv,
): Connection<Row> {
  validate(args, env.strict === true);
  return paginate(matchRows(rows, spec, args.filter, env), spec, args, policy, env);
}
