// `${object}GroupBy(groupBy, filter, orderBy, orderByForRecords, viewId, limit, offsetForRecords)`
// as 2.21 answers it: groups as connections (aggregates over the group, up to ten records). A
// `viewId` adds the saved view's filters, groups and search text to `filter` (views/view-filter.ts);
// an unknown id adds nothing, as Twenty ignores one (captured).
import { ConnectionSource } from '@/sandbox/graphql/connection-source';
import { GROUP_RECORDS, NESTED_POLICY, queryEnv, type CoreContext } from '@/sandbox/graphql/core-context';
import { compileFilter } from '@/sandbox/query/filter';
import { matchRows, paginate } from '@/sandbox/query/find-many';
import { groupRows } from '@/sandbox/query/group-by';
import type { Relations } from '@/sandbox/query/relations';
import type { ObjectSpec } from '@/sandbox/records/object-specs';
import { assertFieldsExist, viewFilterOf } from '@/sandbox/views/view-filter';

type Args = Record<string, unknown>;

/** `filter` AND the view's filters. The argument is checked first, as Twenty validates it before reading the view. */
function scopedFilter<Row>(spec: ObjectSpec<Row>, args: Args, ctx: CoreContext): unknown {
  if (typeof args.viewId !== 'string') return args.filter;
  compileFilter(spec, args.filter, queryEnv(ctx));
  const { workspace } = ctx;
  // Twenty's group-by passes no time zone of the caller: zoneless relative dates resolve in UTC.
  const fromView = viewFilterOf(args.viewId, { views: workspace.views, metadata: workspace.metadata, objectName: spec.nameSingular, clock: { now: new Date(workspace.clock()), zone: 'UTC' } });
  if (!fromView) return args.filter;
  assertFieldsExist(spec, fromView);
  return args.filter === undefined || args.filter === null ? fromView : { and: [args.filter, fromView] };
}

export function groupByConnections<Row extends { deletedAt: number | null }>(
  spec: ObjectSpec<Row>,
  rows: readonly Row[],
  args: Args,
  ctx: CoreContext,
  relations: Relations<Row>,
  toNode: (row: Row) => object,
): ConnectionSource<Row>[] {
  const env = queryEnv(ctx);
  const matched = matchRows(rows, spec, scopedFilter(spec, args, ctx), env);
  const groups = groupRows(spec, matched, { groupBy: args.groupBy, orderBy: args.orderBy, limit: args.limit }, relations);
  const offset = typeof args.offsetForRecords === 'number' ? args.offsetForRecords : null;
  return groups.map((g) => {
    const records = () => ({ ...paginate(g.rows, spec, { orderBy: args.orderByForRecords, first: GROUP_RECORDS, offset }, NESTED_POLICY, env), hasNextPage: false });
    return new ConnectionSource(spec, g.rows, records, toNode, g.values);
  });
}
