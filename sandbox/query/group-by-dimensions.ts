// The `groupBy` argument of Twenty 2.21, read the way its query runner reads it (the runner gets
// raw input: keys the introspection does not list, such as ownerId, are accepted), with the
// captured error texts (groupby/ and views-dashboards/q4-* captures).
import { invalidInput } from '@/sandbox/graphql/errors';
import { fieldOf, type FieldSpec, type ObjectSpec, type ScalarField } from '@/sandbox/records/object-specs';
import { dateBucketer, GRANULARITIES, WEEK_START_DAYS, type Granularity, type WeekStartDay } from '@/sandbox/query/date-buckets';
import { isRecord } from '@/sandbox/query/filter';
import type { Relations } from '@/sandbox/query/relations';

export type Dimension<Row> = {
  /** Field path as groupBy/orderBy name it: ['stage'], ['amount', 'currencyCode'], ['owner', 'name', 'firstName']. */
  path: string[];
  granularity: Granularity | null;
  numeric: boolean;
  value: (row: Row) => string | null;
};

const QUERY_INPUT = 'INVALID_QUERY_INPUT';
const refuse = (message: string) => invalidInput(message, QUERY_INPUT);
const CALENDAR: readonly Granularity[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function dateDimension<Row>(path: string[], scalar: ScalarField<Row>, spec: unknown): Dimension<Row> {
  const name = path[path.length - 1] ?? '';
  const options = isRecord(spec) ? spec : {};
  const granularity = spec === true ? 'NONE' : options.granularity;
  if (granularity === undefined || granularity === null) throw refuse(`Field "${name}" does not support nested subfields in groupBy`);
  if (!GRANULARITIES.includes(granularity as Granularity)) throw refuse(`Invalid date granularity: ${String(granularity)}`);
  const g = granularity as Granularity;
  const timeZone = typeof options.timeZone === 'string' && options.timeZone !== '' ? options.timeZone : undefined;
  if (timeZone === undefined && CALENDAR.includes(g)) {
    throw invalidInput('Time zone should be specified for a group by date on Day, Week, Month, Quarter or Year', 'MISSING_TIMEZONE_FOR_DATE_GROUP_BY');
  }
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw invalidInput(`Invalid timezone: ${timeZone}`, 'INVALID_TIMEZONE');
  const weekStart = typeof options.weekStartDay === 'string' && Object.hasOwn(WEEK_START_DAYS, options.weekStartDay) ? (options.weekStartDay as WeekStartDay) : 'MONDAY';
  const bucket = dateBucketer(g, timeZone, weekStart);
  return {
    path, granularity: g, numeric: false,
    value: (row) => {
      const v = scalar.get(row);
      return typeof v === 'number' ? bucket(v) : null;
    },
  };
}

function scalarDimension<Row>(path: string[], scalar: ScalarField<Row>, spec: unknown): Dimension<Row> {
  if (scalar.kind === 'date') return dateDimension(path, scalar, spec);
  if (spec !== true) throw refuse(`Field "${path[path.length - 1] ?? ''}" does not support nested subfields in groupBy`);
  return {
    path, granularity: null, numeric: scalar.kind === 'number' || scalar.kind === 'numeric',
    value: (row) => {
      const v = scalar.get(row);
      return v === null || v === '' ? null : String(v);
    },
  };
}

const selected = (spec: Record<string, unknown>) => Object.keys(spec).filter((k) => spec[k] !== undefined && spec[k] !== null && spec[k] !== false);

function fieldDimension<Row>(path: string[], field: FieldSpec<Row>, spec: unknown, inRelation: boolean): Dimension<Row> {
  if (field.kind !== 'composite') return scalarDimension(path, field, spec);
  const name = path[path.length - 1] ?? '';
  if (!isRecord(spec)) throw refuse(`Composite field "${name}" requires a subfield to be specified`);
  const subs = selected(spec);
  if (subs.length > 1) {
    throw refuse(inRelation
      ? 'You cannot provide multiple composite subfields in one GroupByInput, split them into multiple GroupByInput'
      : 'You cannot provide multiple subfields in one GroupByInput, split them into multiple GroupByInput');
  }
  const subName = subs[0];
  if (subName === undefined) throw refuse(`Composite field "${name}" requires a subfield to be specified`);
  const sub = field.sub[subName];
  if (!sub) throw refuse(`Subfield "${subName}" not found in composite field "${name}"`);
  return scalarDimension([...path, subName], sub, spec[subName]);
}

function relationDimension<Row>(name: string, relations: Relations<Row>, spec: unknown): Dimension<Row> | null {
  const relation = relations[name];
  if (!relation) return null;
  relation.checkReadable();
  const nested = isRecord(spec) ? selected(spec) : [];
  if (nested.length > 1) throw refuse('You cannot provide multiple fields in one GroupByInput, split them into multiple GroupByInput');
  const nestedName = nested[0];
  if (relation.isRelation(nestedName ?? '')) {
    throw refuse(`Cannot group by a relation field of the relation field: "${nestedName ?? ''}" is a relation field of "${name}"`);
  }
  const field = nestedName === undefined ? undefined : relation.field(nestedName);
  if (!field || nestedName === undefined || !isRecord(spec)) throw refuse(`Nested field "${String(nestedName)}" not found in target object "${relation.objectName}"`);
  return fieldDimension([name, nestedName], field, spec[nestedName], true);
}

export function dimensionsOf<Row>(spec: ObjectSpec<Row>, groupBy: unknown, relations: Relations<Row>): Dimension<Row>[] {
  const entries = Array.isArray(groupBy) ? groupBy : [groupBy];
  return entries.map((entry) => {
    const keys = isRecord(entry) ? selected(entry) : [];
    if (keys.length > 1) throw refuse('You cannot provide multiple fields in one GroupByInput, split them into multiple GroupByInput');
    const name = keys[0];
    if (name === undefined || !isRecord(entry)) throw refuse(`Unidentified field in groupBy: ${String(name)}`);
    const fromRelation = relationDimension(name, relations, entry[name]);
    if (fromRelation) return fromRelation;
    // A relation name without a relation here (no joined data) is a join column read as a field.
    const field = spec.joinColumns[name] === undefined ? fieldOf(spec, name) : undefined;
    if (!field) throw refuse(`Unidentified field in groupBy: ${name}`);
    return fieldDimension([name], field, entry[name], false);
  });
}
