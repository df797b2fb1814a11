import { condition, type FilterPart } from '@/lib/twenty/filter-rules';
import { microsLiteral } from '@/lib/twenty/filters';
import { unitsToMicros } from '@/lib/twenty/views/amount';
import { refuse } from '@/lib/twenty/views/refusal';
import { relativeRange } from '@/lib/twenty/views/relative-date';
import type { FilterDef } from '@/lib/twenty/views/view-filter-schema';

// One saved filter as the OpportunityFilterInput part Twenty's server builds from it
// (twenty-shared's turnRecordFilterIntoRecordGqlOperationFilter), one operator per field object.
// Captured (real-2.21/views-dashboards/q2-*): select IS → `in`; amount ≥ units → `amountMicros gte
// units × 1e6`; relation IS → `<name>Id in`; IS_RELATIVE THIS_…; IS_AFTER → `gte` (the capture
// cannot tell gt from gte; the source says gte). From the source, in both versions read: IS_NOT,
// ≤, IS_BEFORE → `lt`, CONTAINS → `ilike %v%`, DOES_NOT_CONTAIN → `not ilike`, IS_EMPTY and
// IS_NOT_EMPTY. Returns null where Twenty skips the filter (an empty value or list).

export type FieldInfo = { name: string; type: string; options?: readonly { value: string; label: string }[] | null };
export type OperandContext = { now: Date; zone: string };

const NO_VALUE = new Set(['IS_EMPTY', 'IS_NOT_EMPTY', 'IS_IN_PAST', 'IS_IN_FUTURE', 'IS_TODAY']);
const not = (part: FilterPart): FilterPart => ({ not: part });
const or = (parts: FilterPart[]): FilterPart => (parts.length === 1 && parts[0] ? parts[0] : { or: parts });
const and = (parts: FilterPart[]): FilterPart => (parts.length === 1 && parts[0] ? parts[0] : { and: parts });

/** Select options and currency codes: a JSON list of strings, a JSON string, or the bare text. */
function stringList(f: FilterDef): string[] {
  if (f.value === '') return [];
  if (/^\{\{.*\}\}$/.test(f.value)) return refuse('value', f.id, `value ${f.value} is a workflow variable`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    return [f.value];
  }
  if (typeof parsed === 'string') return [parsed];
  if (Array.isArray(parsed) && parsed.every((s): s is string => typeof s === 'string')) return parsed;
  return refuse('value', f.id, `value ${f.value} is not a list of strings`);
}

function relationIds(f: FilterDef): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    return refuse('value', f.id, `relation value ${f.value} is not JSON`);
  }
  if (Array.isArray(parsed) && parsed.every((s): s is string => typeof s === 'string')) return parsed;
  if (typeof parsed !== 'object' || parsed === null || !('selectedRecordIds' in parsed) || !Array.isArray(parsed.selectedRecordIds)) {
    return refuse('value', f.id, `relation value ${f.value} has no selectedRecordIds`);
  }
  if (('isCurrentWorkspaceMemberSelected' in parsed && parsed.isCurrentWorkspaceMemberSelected === true) || ('isCurrentRecordSelected' in parsed && parsed.isCurrentRecordSelected === true)) {
    return refuse('current_member', f.id, 'the filter includes "me": Twenty applies it without a current member, dropping that part');
  }
  const ids: unknown[] = parsed.selectedRecordIds;
  if (!ids.every((s): s is string => typeof s === 'string')) return refuse('value', f.id, `relation value ${f.value} holds non-string ids`);
  return ids;
}

function emptiness(f: FilterDef, field: FieldInfo): FilterPart {
  const n = field.name;
  const byType: Record<string, FilterPart> = {
    TEXT: or([condition([n], 'ilike', ''), condition([n], 'is', 'NULL')]),
    CURRENCY: { or: [condition([n, 'amountMicros'], 'is', 'NULL')] },
    DATE_TIME: condition([n], 'is', 'NULL'),
    SELECT: condition([n], 'is', 'NULL'),
    RELATION: condition([`${n}Id`], 'is', 'NULL'),
  };
  const empty = byType[field.type] ?? refuse('field_type', f.id, `${f.operand} on ${field.type} field "${n}" is not translated`);
  return f.operand === 'IS_EMPTY' ? empty : not(empty);
}

function select(f: FilterDef, n: string): FilterPart | null {
  const options = stringList(f);
  if (options.length === 0) return null;
  const values = options.filter((o) => o !== '');
  const withEmpty = values.length < options.length;
  const inList = values.length > 0 ? [condition([n], 'in', values)] : [];
  const isNull = withEmpty ? [condition([n], 'is', 'NULL')] : [];
  if (f.operand === 'IS') return or([...inList, ...isNull]);
  if (f.operand === 'IS_NOT') return and([...inList, ...isNull].map(not));
  return refuse('operand', f.id, `${f.operand} on select field "${n}"`);
}

function currency(f: FilterDef, n: string): FilterPart | null {
  if (f.subFieldName === 'currencyCode') {
    const codes = stringList(f);
    if (codes.length === 0) return null;
    const part = condition([n, 'currencyCode'], 'in', codes);
    if (f.operand === 'IS') return part;
    if (f.operand === 'IS_NOT') return not(part);
    return refuse('operand', f.id, `${f.operand} on the currency code of "${n}"`);
  }
  if (f.subFieldName && f.subFieldName !== 'amountMicros') return refuse('value', f.id, `unknown currency subfield "${f.subFieldName}"`);
  const operators: Record<string, string> = { GREATER_THAN_OR_EQUAL: 'gte', LESS_THAN_OR_EQUAL: 'lte', IS: 'eq', IS_NOT: 'eq' };
  const operator = operators[f.operand] ?? refuse('operand', f.id, `${f.operand} on amount field "${n}"`);
  const part = condition([n, 'amountMicros'], operator, microsLiteral(unitsToMicros(f.value, f.id).toString()));
  return f.operand === 'IS_NOT' ? not(part) : part;
}

function dateTime(f: FilterDef, n: string, ctx: OperandContext): FilterPart {
  if (f.operand === 'IS_RELATIVE') {
    const range = relativeRange(f.value, ctx.now, ctx.zone, f.id);
    return { and: [condition([n], 'gte', range.gte), condition([n], 'lt', range.lt)] };
  }
  if (f.operand !== 'IS_AFTER' && f.operand !== 'IS_BEFORE') {
    return refuse('operand', f.id, `${f.operand} on date field "${n}" is not captured (it depends on the server's clock and zone)`);
  }
  // Twenty parses the value as an instant (Temporal.Instant.from): a zone designator is required.
  const at = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(f.value) ? new Date(f.value) : null;
  if (!at || Number.isNaN(at.getTime())) return refuse('value', f.id, `date "${f.value}" is not an ISO instant`);
  return condition([n], f.operand === 'IS_AFTER' ? 'gte' : 'lt', at.toISOString());
}

/** The part for one filter on `field`, or null when Twenty skips it. */
export function operandPart(f: FilterDef, field: FieldInfo, ctx: OperandContext): FilterPart | null {
  if (f.relationTargetFieldMetadataId) return refuse('relation_target', f.id, `filter ${f.id} goes through relation "${field.name}"`);
  if (!NO_VALUE.has(f.operand) && (f.value === '' || f.value === '[]')) return null;
  if (f.operand === 'IS_EMPTY' || f.operand === 'IS_NOT_EMPTY') return emptiness(f, field);
  const n = field.name;
  switch (field.type) {
    case 'TEXT':
      if (f.operand === 'CONTAINS') return condition([n], 'ilike', `%${f.value}%`);
      if (f.operand === 'DOES_NOT_CONTAIN') return not(condition([n], 'ilike', `%${f.value}%`));
      return refuse('operand', f.id, `${f.operand} on text field "${n}"`);
    case 'SELECT':
      return select(f, n);
    case 'CURRENCY':
      return currency(f, n);
    case 'DATE_TIME':
      return dateTime(f, n, ctx);
    case 'RELATION': {
      if (f.operand !== 'IS' && f.operand !== 'IS_NOT') return refuse('operand', f.id, `${f.operand} on relation field "${n}"`);
      const ids = relationIds(f);
      if (ids.length === 0) return null;
      const inIds = condition([`${n}Id`], 'in', ids);
      return f.operand === 'IS' ? inIds : { or: [not(inIds), condition([`${n}Id`], 'is', 'NULL')] };
    }
    default:
      return refuse('field_type', f.id, `filters on ${field.type} field "${n}" are not translated`);
  }
}
