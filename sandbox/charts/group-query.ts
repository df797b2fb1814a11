// The group-by a chart runs (services/chart-data-query.service.ts, utils/build-group-by-field-object,
// get-group-by-order-by, get-field-order-by, get-relation-field-order-by, build-aggregate-field-key,
// transform-aggregate-value), answered by the workspace's own group-by (query/group-by.ts), so a
// chart counts exactly what opportunitiesGroupBy counts. Amounts come back in currency units
// (micros / 1e6), percentages × 100. Only opportunities have records here; other objects answer no
// groups, after the role check (the read-only key cannot read people: Twenty's permission error).
// Each call takes one token of the workspace's API-key rate limit, shared with /graphql (captured:
// charts/rate-limit-metadata-first-*: the 101st barChartData of a minute is refused).
import { permissionDenied } from '@/sandbox/graphql/errors';
import { opportunityRelations, queryEnv } from '@/sandbox/graphql/core-context';
import type { Principal } from '@/sandbox/http/auth';
import { aggregateOf } from '@/sandbox/query/aggregates';
import { matchRows } from '@/sandbox/query/find-many';
import { groupRows } from '@/sandbox/query/group-by';
import { opportunitySpec } from '@/sandbox/records/object-specs';
import { chartFilterOf } from '@/sandbox/charts/filter';
import { COMPOSITE_TYPES, isArrayKind, isDateKind, type AggregateOperation, type ChartField, type DateGranularity, type GraphOrderBy, type RawGroup } from '@/sandbox/charts/types';
import { assertFieldsExist } from '@/sandbox/views/view-filter';
import type { Workspace } from '@/sandbox/workspace';

export type Axis = { field: ChartField; subFieldName?: string | null; granularity?: DateGranularity | null; orderBy?: GraphOrderBy | null };
export type ChartQuery = {
  objectName: string;
  primary: Axis;
  secondary?: Axis;
  aggregateField: ChartField;
  aggregateOperation: AggregateOperation;
  filter: unknown;
  timezone: string;
  firstDayOfTheWeek: number;
  limit: number;
  splitMultiValueFields?: boolean | null;
};
export type ChartEnv = {
  workspace: Workspace;
  principal: Principal | null;
  /** Takes a token of the workspace's rate limit, or throws its refusal (captured: chart data counts, API keys only). */
  spendToken: () => void;
};
/** The chart's group-by with its group limit (each chart kind asks for its own). */
export type RawGroupsOf = (limit: number) => RawGroup[];

const DATE_FIELDS_OF_RELATED = new Set(['createdAt', 'updatedAt', 'deletedAt']);
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** CalendarStartDay → group-by's weekStartDay; SYSTEM (7) sends none. */
const WEEK_START: Record<number, string> = { 0: 'SUNDAY', 1: 'MONDAY', 6: 'SATURDAY' };
const isNestedDate = (axis: Axis) => axis.field.type === 'RELATION' && DATE_FIELDS_OF_RELATED.has((axis.subFieldName ?? '').split('.')[0] ?? '');
const appliesGranularity = (axis: Axis) => isDateKind(axis.field.type) || isNestedDate(axis);

function dateGroup(axis: Axis, q: ChartQuery): Record<string, string> {
  const granularity = axis.granularity ?? 'DAY';
  const group: Record<string, string> = { granularity, timeZone: q.timezone };
  const weekStartDay = WEEK_START[q.firstDayOfTheWeek];
  if ((granularity === 'WEEK' || granularity === 'DAY_OF_THE_WEEK') && weekStartDay) group.weekStartDay = weekStartDay;
  return group;
}

function groupByOf(axis: Axis, q: ChartQuery): Record<string, unknown> {
  const { field, subFieldName } = axis;
  if (field.type === 'RELATION') {
    if (!subFieldName) return { [`${field.name}Id`]: true };
    const [nested = '', nestedSub] = subFieldName.split('.');
    if (isNestedDate(axis)) return { [field.name]: { [nested]: dateGroup(axis, q) } };
    return { [field.name]: { [nested]: nestedSub ? { [nestedSub]: true } : true } };
  }
  if (COMPOSITE_TYPES.has(field.type)) {
    if (!subFieldName) throw new Error(`Composite field ${field.name} requires a subfield to be specified`);
    return { [field.name]: { [subFieldName]: true } };
  }
  if (isDateKind(field.type)) return { [field.name]: dateGroup(axis, q) };
  if (isArrayKind(field.type) && (q.splitMultiValueFields ?? true)) return { [field.name]: { unnest: true } };
  return { [field.name]: true };
}

function aggregateKey(q: ChartQuery): string {
  const { name, type } = q.aggregateField;
  const micros = type === 'CURRENCY' ? 'AmountMicros' : '';
  const op = q.aggregateOperation;
  if (op === 'COUNT') return 'totalCount';
  if (op === 'MIN' || op === 'MAX' || op === 'AVG' || op === 'SUM') return `${op.toLowerCase()}${upper(name)}${micros}`;
  const prefix = op.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${prefix}${upper(name)}`;
}

function orderByOf(axis: Axis, q: ChartQuery, fallback: GraphOrderBy | null): Record<string, unknown> | undefined {
  const orderBy = axis.orderBy ?? fallback;
  const { field, subFieldName } = axis;
  if (orderBy === 'VALUE_ASC' || orderBy === 'VALUE_DESC') return { aggregate: { [aggregateKey(q)]: orderBy === 'VALUE_ASC' ? 'AscNullsLast' : 'DescNullsLast' } };
  if (orderBy !== 'FIELD_ASC' && orderBy !== 'FIELD_DESC') return undefined;
  const dir = orderBy === 'FIELD_ASC' ? 'AscNullsLast' : 'DescNullsLast';
  const granularity = appliesGranularity(axis) ? (axis.granularity ?? 'DAY') : undefined;
  if (COMPOSITE_TYPES.has(field.type)) return { [field.name]: { [subFieldName ?? '']: dir } };
  if (isDateKind(field.type)) return { [field.name]: { orderBy: dir, granularity } };
  if (field.type === 'RELATION') {
    // Twenty orders by `<name>Id`, which its group-by runner refuses (captured: charts/opportunity-line-by-pointOfContact-no-subfield).
    if (!subFieldName) throw new Error(`Cannot orderBy unknown field: ${field.name}Id.`);
    const [nested = '', nestedSub] = subFieldName.split('.');
    if (granularity) return { [field.name]: { [nested]: { orderBy: dir, granularity } } };
    return { [field.name]: { [nested]: nestedSub ? { [nestedSub]: dir } : dir } };
  }
  return { [field.name]: dir };
}

function chartUnits(raw: unknown, q: ChartQuery): number {
  if (raw === null || raw === undefined) return 0;
  const n = Number(raw);
  if (Number.isNaN(n)) return 0;
  const op = q.aggregateOperation;
  if (op.startsWith('COUNT')) return n;
  if (op.startsWith('PERCENTAGE')) return n * 100;
  return q.aggregateField.type === 'CURRENCY' ? n / 1_000_000 : n;
}

export function runChartGroupBy(env: ChartEnv, q: ChartQuery): RawGroup[] {
  const { workspace, principal } = env;
  const filter = chartFilterOf(q.filter, workspace.metadata, { now: new Date(workspace.clock()), zone: q.timezone });
  // Twenty's query runner throttles before it checks permissions or reads anything.
  env.spendToken();
  if (q.objectName === 'person' && principal?.readOnly) throw permissionDenied();
  if (q.objectName !== 'opportunity') return [];
  const coreCtx = { workspace, principal };
  const relations = opportunityRelations(coreCtx);
  if (filter) assertFieldsExist(opportunitySpec, filter);
  const groupBy = [groupByOf(q.primary, q), ...(q.secondary ? [groupByOf(q.secondary, q)] : [])];
  const orderBy = [orderByOf(q.primary, q, 'FIELD_ASC'), q.secondary ? orderByOf(q.secondary, q, null) : undefined].filter((o) => o !== undefined);
  const matched = matchRows(workspace.store.opportunities.all(), opportunitySpec, filter ?? undefined, queryEnv(coreCtx));
  const groups = groupRows(opportunitySpec, matched, { groupBy, orderBy: orderBy.length > 0 ? orderBy : undefined, limit: q.limit }, relations);
  const key = aggregateKey(q);
  return groups.map((g) => ({ values: g.values, aggregateValue: chartUnits(aggregateOf(opportunitySpec, g.rows, key), q) }));
}
