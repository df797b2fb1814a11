// Twenty's filter grammar (and/or/not, per-type operators, composite subfields) evaluated with
// SQL's three-valued logic: a comparison against NULL is unknown, and unknown rows never match —
// so `neq` and `not` leave out empty values exactly as Postgres does. In 2.21 (`strict`) a field
// object takes exactly one operator and bad filters get Twenty's own errors (misc/ captures).
import { badUserInput, invalidInput } from '@/sandbox/graphql/errors';
import { fieldOf, type ObjectSpec, type ScalarField } from '@/sandbox/records/object-specs';
import { compareValues, toComparable, type Comparable } from '@/sandbox/query/values';

type Truth = boolean | null;
export type Predicate<Row> = (row: Row) => Truth;
export type QueryEnv = {
  rank: (field: string, value: string) => number;
  /** Twenty 2.21's rules: one operator per field object, its error texts, unknown options refused. */
  strict?: boolean;
  /** Throws the database's answer when `value` is not an option of the select field (2.21). */
  checkOption?: (objectName: string, field: string, value: string) => void;
};

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function all<Row>(preds: Predicate<Row>[]): Predicate<Row> {
  if (preds.length === 1 && preds[0]) return preds[0];
  return (row) => {
    let unknown = false;
    for (const p of preds) {
      const v = p(row);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  };
}

function any<Row>(preds: Predicate<Row>[]): Predicate<Row> {
  if (preds.length === 0) return () => true;
  return (row) => {
    let unknown = false;
    for (const p of preds) {
      const v = p(row);
      if (v === true) return true;
      if (v === null) unknown = true;
    }
    return unknown ? null : false;
  };
}

function sqlLike(pattern: string, flags: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, `s${flags}`);
}

const INVALID_FILTER = 'INVALID_ARGS_FILTER';

function checkOneOperator(fieldName: string, ops: Record<string, unknown>): void {
  if (Object.keys(ops).length !== 1) {
    throw invalidInput(`Filter for field "${fieldName}" must have exactly one operator`, INVALID_FILTER, 'Invalid filter: exactly one operator per field is required');
  }
}

/** Select values reach Postgres as enum literals: an unknown one is the database's error (2.21). */
function checkOptions<Row>(spec: ObjectSpec<Row>, field: ScalarField<Row>, fieldName: string, op: string, arg: unknown, env: QueryEnv): void {
  if (field.kind !== 'select' || !env.checkOption || !['eq', 'neq', 'in', 'containsAny'].includes(op)) return;
  for (const value of Array.isArray(arg) ? arg : [arg]) if (typeof value === 'string') env.checkOption(spec.nameSingular, fieldName, value);
}

function compileOps<Row>(spec: ObjectSpec<Row>, field: ScalarField<Row>, fieldName: string, ops: unknown, env: QueryEnv): Predicate<Row>[] {
  if (!isRecord(ops)) throw badUserInput(`Invalid filter for field "${fieldName}"`);
  if (env.strict) checkOneOperator(fieldName, ops);
  const rank = (v: string | number) => (field.kind === 'select' ? env.rank(fieldName, String(v)) : v);
  const order = (a: string | number, b: string | number) => compareValues(rank(a), rank(b));
  const get = (row: Row): Comparable => field.get(row);
  // Only range operators follow option order; equality compares the stored value itself.
  const compare = (target: unknown, test: (c: number) => boolean, ranged = true): Predicate<Row> => {
    const value = toComparable(field.kind, target);
    if (value === null) return () => null;
    const cmp = ranged ? order : compareValues;
    return (row) => {
      const v = get(row);
      return v === null ? null : test(cmp(v, value));
    };
  };
  const matches = (regex: RegExp): Predicate<Row> => (row) => {
    const v = get(row);
    return v === null ? null : regex.test(String(v));
  };
  const preds: Predicate<Row>[] = [];
  for (const [op, arg] of Object.entries(ops)) {
    if (arg === undefined || (arg === null && op !== 'is')) continue;
    checkOptions(spec, field, fieldName, op, arg, env);
    switch (op) {
      case 'eq': preds.push(compare(arg, (c) => c === 0, false)); break;
      case 'neq': preds.push(compare(arg, (c) => c !== 0, false)); break;
      case 'gt': preds.push(compare(arg, (c) => c > 0)); break;
      case 'gte': preds.push(compare(arg, (c) => c >= 0)); break;
      case 'lt': preds.push(compare(arg, (c) => c < 0)); break;
      case 'lte': preds.push(compare(arg, (c) => c <= 0)); break;
      case 'in':
      case 'containsAny': {
        const list = Array.isArray(arg) ? arg : [arg];
        const wanted = new Set(list.map((x) => toComparable(field.kind, x)));
        preds.push((row) => {
          const v = get(row);
          return v === null ? null : wanted.has(v);
        });
        break;
      }
      case 'is': {
        const wantNull = arg === 'NULL' || arg === 'Null';
        preds.push((row) => (get(row) === null) === wantNull);
        break;
      }
      case 'like': preds.push(matches(sqlLike(String(arg), ''))); break;
      case 'ilike': preds.push(matches(sqlLike(String(arg), 'i'))); break;
      case 'startsWith': preds.push(matches(sqlLike(`${String(arg).replace(/[%_]/g, '\\$&')}%`, ''))); break;
      case 'endsWith': preds.push(matches(sqlLike(`%${String(arg).replace(/[%_]/g, '\\$&')}`, ''))); break;
      case 'regex': preds.push(matches(new RegExp(String(arg)))); break;
      case 'iregex': preds.push(matches(new RegExp(String(arg), 'i'))); break;
      case 'isEmptyArray': preds.push(() => arg !== true); break;
      case 'search': preds.push(searchPredicate(field, String(arg))); break;
      default: throw badUserInput(`Unknown filter operator "${op}" on field "${fieldName}"`);
    }
  }
  return preds;
}

/** Full-text search as Twenty builds it: every query word must prefix some word of the text. */
function searchPredicate<Row>(field: ScalarField<Row>, query: string): Predicate<Row> {
  const terms = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return (row) => {
    const words = String(field.get(row) ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return terms.every((t) => words.some((w) => w.startsWith(t)));
  };
}

export function compileFilter<Row>(spec: ObjectSpec<Row>, filter: unknown, env: QueryEnv): Predicate<Row> {
  if (filter === null || filter === undefined) return () => true;
  if (!isRecord(filter)) throw badUserInput('Invalid filter');
  const preds: Predicate<Row>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and' || key === 'or') {
      const parts = (Array.isArray(value) ? value : [value]).map((f) => compileFilter(spec, f, env));
      preds.push(key === 'and' ? all(parts) : any(parts));
    } else if (key === 'not') {
      const inner = compileFilter(spec, value, env);
      preds.push((row) => {
        const v = inner(row);
        return v === null ? null : !v;
      });
    } else {
      const field = fieldOf(spec, key);
      if (!field) throw unknownField(spec, key, env);
      if (field.kind !== 'composite') preds.push(...compileOps(spec, field, key, value, env));
      else if (isRecord(value)) {
        for (const [subName, ops] of Object.entries(value)) {
          const sub = field.sub[subName];
          if (!sub) throw badUserInput(`Subfield "${subName}" does not exist on "${key}"`);
          if (ops !== undefined && ops !== null) preds.push(...compileOps(spec, sub, `${key}.${subName}`, ops, env));
        }
      }
    }
  }
  return preds.length === 0 ? () => true : all(preds);
}

function unknownField<Row>(spec: ObjectSpec<Row>, key: string, env: QueryEnv) {
  if (!env.strict) return badUserInput(`Field "${key}" does not exist on ${spec.nameSingular}`);
  const object = spec.nameSingular;
  return invalidInput(`Object ${object} doesn't have any "${key}" field.`, INVALID_FILTER, `Invalid filter : ${object} object doesn't have any "${key}" field.`);
}

/** Twenty includes soft-deleted rows only when the filter names deletedAt somewhere. */
export function mentionsDeletedAt(filter: unknown): boolean {
  if (Array.isArray(filter)) return filter.some(mentionsDeletedAt);
  if (!isRecord(filter)) return false;
  return Object.entries(filter).some(([k, v]) => (k === 'deletedAt' && v !== undefined) || mentionsDeletedAt(v));
}
