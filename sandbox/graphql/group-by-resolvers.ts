// `${object}GroupBy(groupBy, filter, orderBy, orderByForRecords, viewId, limit, offsetForRecords)`
// as 2.21 answers it: groups as connections (aggregates over the group, up to ten records), no
// saved views here, so any `viewId` is ignored as Twenty ignores an unknown one (captured).
import { ConnectionSource } from '@/sandbox/graphql/connection-source';
import { GROUP_RECORDS, NESTED_POLICY, queryEnv, type CoreContext } from '@/sandbox/graphql/core-context';
import { matchRows, paginate } from '@/sandbox/query/find-many';
import { groupRows } from '@/sandbox/query/group-by';
import type { Relations } from '@/sandbox/query/relations';
import type { ObjectSpec } from '@/sandbox/records/object-specs';

type Args = Record<string, unknown>;

export function groupByConnections<Row extends { deletedAt: number | null }>(
  spec: ObjectSpec<Row>,
  rows: readonly Row[],
  args: Args,
  ctx: CoreContext,
  relations: Relations<Row>,
  toNode: (row: Row) => object,
): ConnectionSource<Row>[] {
  const env = queryEnv(ctx);
  const matched = matchRows(rows, spec, args.filter, env);
  const groups = groupRows(spec, matched, { groupBy: args.groupBy, orderBy: args.orderBy, limit: args.limit }, relations);
  const offset = typeof args.offsetForRecords === 'number' ? args.offsetForRecords : null;
  return groups.map((g) => {
    const records = () => ({ ...paginate(g.rows, spec, { orderBy: args.orderByForRecords, first: GROUP_RECORDS, offset }, NESTED_POLICY, env), hasNextPage: false });
    return new ConnectionSource(spec, g.rows, records, toNode, g.values);
  });
}
