import { TwentyError } from '@/lib/twenty/errors';

// The one rule every filter we send obeys: each field object carries exactly ONE operator, and a
// composite field exactly one subfield. Twenty 2.21 refuses `{closeDate: {gte, lt}}` ("Filter for
// field "closeDate" must have exactly one operator", also for `amount.amountMicros`) but accepts
// `{and: [{closeDate: {gte}}, {closeDate: {lt}}]}`, which every version means the same way. So
// filters are built only with `condition` and `rangeParts` here, and `toFilterInput` (filters.ts)
// checks the result before anything can reach the network.

export type FilterPart = Record<string, unknown>;

const LOGICAL_LISTS = new Set(['and', 'or']);

/** `condition(['amount', 'amountMicros'], 'gte', 5)` → `{amount: {amountMicros: {gte: 5}}}`. */
export function condition(path: readonly [string, ...string[]], operator: string, value: unknown): FilterPart {
  let node: FilterPart = { [operator]: value };
  for (let i = path.length - 1; i >= 0; i--) node = { [path[i] as string]: node };
  return node;
}

/** A half-open range as one-operator parts (none, one or two), to be combined with `and`. */
export function rangeParts(path: readonly [string, ...string[]], bounds: { gte?: unknown; lt?: unknown }): FilterPart[] {
  const parts: FilterPart[] = [];
  if (bounds.gte !== undefined) parts.push(condition(path, 'gte', bounds.gte));
  if (bounds.lt !== undefined) parts.push(condition(path, 'lt', bounds.lt));
  return parts;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field object (or a composite's subfield object): one key per level, down to the operator's value. */
function fieldViolations(value: unknown, where: string): string[] {
  if (!isPlainObject(value)) return [`${where} is not an object`];
  const keys = Object.keys(value);
  if (keys.length !== 1) return [`${where} has ${keys.length} operators or subfields (${keys.join(', ')}); exactly one is allowed`];
  const [key] = keys as [string];
  const inner = value[key];
  // The operator's value (a scalar, a list, an enum name) ends the field object.
  return isPlainObject(inner) ? fieldViolations(inner, `${where}.${key}`) : [];
}

/** Every way `filter` breaks the one-operator rule, as readable paths; [] when it obeys it. */
export function oneOperatorViolations(filter: unknown, where = 'filter'): string[] {
  if (!isPlainObject(filter)) return [`${where} is not an object`];
  return Object.entries(filter).flatMap(([key, value]) => {
    if (LOGICAL_LISTS.has(key)) {
      if (!Array.isArray(value)) return [`${where}.${key} is not a list`];
      return value.flatMap((item, i) => oneOperatorViolations(item, `${where}.${key}[${i}]`));
    }
    if (key === 'not') return oneOperatorViolations(value, `${where}.not`);
    return fieldViolations(value, `${where}.${key}`);
  });
}

/** Refuses, before any request, a filter Twenty 2.x would refuse (a bug of ours, named precisely). */
export function assertOneOperator(filter: unknown): void {
  const violations = oneOperatorViolations(filter);
  if (violations.length > 0) throw new TwentyError('rejected', `refusing to send a filter with more than one operator per field: ${violations.join('; ')}`);
}
