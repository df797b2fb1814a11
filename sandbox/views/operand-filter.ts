// One saved-view filter as the record filter Twenty's server builds from it before running the
// query (twenty-shared's turnRecordFilterIntoRecordGqlOperationFilter, read at the source). The
// captured cases (views-dashboards/q2-*): select IS → `in`, currency amount ≥ units → `amountMicros
// gte units × 1e6`, relation IS → `<name>Id in`, IS_RELATIVE in the value's zone, IS_AFTER. The
// rest follows the source; `undefined` means Twenty drops the filter (an empty value or list).
import { relativeRange } from '@/sandbox/views/relative-date';
import type { ViewFilterOperand } from '@/sandbox/views/types';

export type Gql = Record<string, unknown>;
export type FilterField = { name: string; type: string };
export type RecordFilter = { operand: ViewFilterOperand; value: string; subFieldName: string | null; relationTargetFieldMetadataId: string | null };
/** The server's clock and the zone it resolves zoneless dates in (Twenty passes UTC). */
export type FilterClock = { now: Date; zone: string };

const NO_VALUE = new Set<ViewFilterOperand>(['IS_EMPTY', 'IS_NOT_EMPTY', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY']);

/** Twenty keeps a view filter's JSON as is and reads it as text: strings stay, the rest is stringified. */
export const valueAsText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? ''));

/** A value-taking operand with an empty value ('' or '[]') is skipped, not applied. */
export const isApplicable = (f: RecordFilter): boolean => NO_VALUE.has(f.operand) || (f.value !== '' && f.value !== '[]');

/** Select options and currency codes: a JSON list of strings, a JSON string, or the bare text. */
export function stringList(value: string): string[] {
  if (value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [value];
  }
  if (typeof parsed === 'string') return [parsed];
  if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) return parsed;
  throw new Error('Expected an array of strings');
}

function relationIds(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && 'selectedRecordIds' in parsed && Array.isArray(parsed.selectedRecordIds)) {
      // The server has no "current member" (its filter dependencies are empty), so "me" adds nothing.
      return parsed.selectedRecordIds.filter((id: unknown): id is string => typeof id === 'string');
    }
  } catch {
    // not the JSON object form: a plain list of ids, below
  }
  return stringList(value);
}

const unknownOperand = (f: RecordFilter, type: string) => new Error(`Unknown operand ${f.operand} for ${type} filter`);
const not = (inner: Gql): Gql => ({ not: inner });
const on = (name: string, ops: Gql): Gql => ({ [name]: ops });

function emptiness(f: RecordFilter, field: FilterField): Gql {
  const n = field.name;
  const empty: Record<string, Gql> = {
    TEXT: { or: [on(n, { ilike: '' }), on(n, { is: 'NULL' })] },
    CURRENCY: { or: [on(n, { amountMicros: { is: 'NULL' } })] },
    RELATION: on(`${n}Id`, { is: 'NULL' }),
  };
  const filter = empty[field.type] ?? (['DATE_TIME', 'DATE', 'SELECT', 'NUMBER'].includes(field.type) ? on(n, { is: 'NULL' }) : null);
  if (!filter) throw unsupported(field);
  return f.operand === 'IS_EMPTY' ? filter : not(filter);
}

function select(f: RecordFilter, n: string): Gql | undefined {
  const options = stringList(f.value);
  if (options.length === 0) return undefined;
  const values = options.filter((o) => o !== '');
  const withEmpty = values.length < options.length;
  const join = (parts: (Gql | null)[], op: 'or' | 'and') => {
    const kept = parts.filter((p): p is Gql => p !== null);
    return kept.length === 1 ? kept[0] : { [op]: kept };
  };
  // '' stands for "no value": IS matches it with `is NULL`, IS_NOT excludes it.
  if (f.operand === 'IS') return join([values.length > 0 ? on(n, { in: values }) : null, withEmpty ? on(n, { is: 'NULL' }) : null], 'or');
  if (f.operand === 'IS_NOT') return join([values.length > 0 ? not(on(n, { in: values })) : null, withEmpty ? not(on(n, { is: 'NULL' })) : null], 'and');
  throw unknownOperand(f, 'SELECT');
}

function currency(f: RecordFilter, n: string): Gql | undefined {
  if (f.subFieldName === 'currencyCode') {
    const codes = stringList(f.value);
    if (codes.length === 0) return undefined;
    const filter = on(n, { currencyCode: { in: codes } });
    if (f.operand === 'IS') return filter;
    if (f.operand === 'IS_NOT') return not(filter);
    throw unknownOperand(f, 'CURRENCY');
  }
  if (f.subFieldName && f.subFieldName !== 'amountMicros') throw new Error(`Unknown subfield ${f.subFieldName} for CURRENCY filter`);
  // Twenty multiplies a float: "1.005" becomes 1004999.9999999999 micros, and is compared as such.
  const micros = parseFloat(f.value) * 1_000_000;
  const ops: Partial<Record<ViewFilterOperand, Gql>> = {
    GREATER_THAN_OR_EQUAL: on(n, { amountMicros: { gte: micros } }),
    LESS_THAN_OR_EQUAL: on(n, { amountMicros: { lte: micros } }),
    IS: on(n, { amountMicros: { eq: micros } }),
    IS_NOT: not(on(n, { amountMicros: { eq: micros } })),
  };
  const filter = ops[f.operand];
  if (!filter) throw unknownOperand(f, 'CURRENCY');
  return filter;
}

function dateTime(f: RecordFilter, n: string, clock: FilterClock): Gql {
  const utcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const range = (gte: string, lt: string) => ({ and: [on(n, { gte }), on(n, { lt })] });
  if (f.operand === 'IS_RELATIVE') {
    const r = relativeRange(f.value, clock.now, clock.zone);
    return range(r.gte, r.lt);
  }
  const minute = new Date(Math.round(clock.now.getTime() / 60_000) * 60_000).toISOString();
  if (f.operand === 'IS_IN_PAST') return on(n, { lt: minute });
  if (f.operand === 'IS_IN_FUTURE') return on(n, { gt: minute });
  if (f.operand === 'IS_TODAY') {
    const day = utcDay(clock.now);
    return range(day.toISOString(), new Date(day.getTime() + 86_400_000).toISOString());
  }
  const at = new Date(f.value);
  if (Number.isNaN(at.getTime())) throw new Error(`Cannot parse "${f.value}" for DATE_TIME filter`);
  if (f.operand === 'IS_AFTER') return on(n, { gte: at.toISOString() });
  if (f.operand === 'IS_BEFORE') return on(n, { lt: at.toISOString() });
  if (f.operand === 'IS') {
    const day = utcDay(at);
    return range(day.toISOString(), new Date(day.getTime() + 86_400_000).toISOString());
  }
  throw unknownOperand(f, 'DATE_TIME');
}

/** Field kinds the demo workspace's objects do not filter views on (none of the captured cases). */
const unsupported = (field: FilterField) => new Error(`The demo workspace does not apply view filters on ${field.type} fields ("${field.name}")`);

/** The record filter for one view filter, or undefined when Twenty skips it. */
export function operandFilter(f: RecordFilter, field: FilterField, clock: FilterClock): Gql | undefined {
  if (!isApplicable(f)) return undefined;
  if (f.relationTargetFieldMetadataId) throw unsupported(field);
  if (f.operand === 'IS_EMPTY' || f.operand === 'IS_NOT_EMPTY') return emptiness(f, field);
  const n = field.name;
  switch (field.type) {
    case 'TEXT':
      if (f.operand === 'CONTAINS') return on(n, { ilike: `%${f.value}%` });
      if (f.operand === 'DOES_NOT_CONTAIN') return not(on(n, { ilike: `%${f.value}%` }));
      throw unknownOperand(f, 'TEXT');
    case 'NUMBER': {
      const ops: Partial<Record<ViewFilterOperand, Gql>> = { GREATER_THAN_OR_EQUAL: { gte: parseFloat(f.value) }, LESS_THAN_OR_EQUAL: { lte: parseFloat(f.value) }, IS: { eq: parseFloat(f.value) } };
      if (f.operand === 'IS_NOT') return not(on(n, { eq: parseFloat(f.value) }));
      const op = ops[f.operand];
      if (!op) throw unknownOperand(f, 'NUMBER');
      return on(n, op);
    }
    case 'SELECT':
      return select(f, n);
    case 'CURRENCY':
      return currency(f, n);
    case 'DATE_TIME':
      return dateTime(f, n, clock);
    case 'RELATION': {
      const ids = relationIds(f.value);
      if (ids.length === 0) return undefined;
      if (f.operand === 'IS') return on(`${n}Id`, { in: ids });
      if (f.operand === 'IS_NOT') return { or: [not(on(`${n}Id`, { in: ids })), on(`${n}Id`, { is: 'NULL' })] };
      throw unknownOperand(f, 'RELATION');
    }
    default:
      throw unsupported(field);
  }
}
