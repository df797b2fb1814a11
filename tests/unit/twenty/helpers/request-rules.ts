import { Kind, parse, visit, type ValueNode } from 'graphql';

// What Twenty 2.21 refuses in a request, checked from the bytes the client sends (written
// independently of lib/twenty, so a bug there cannot hide here). Each rule comes from a capture
// in tests/fixtures/twenty/real-2.21 (FINDINGS.md items 1, 2 and 6).

export type SentRequest = { query?: string; variables?: Record<string, unknown> };

const CALENDAR = new Set(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);

/** A GraphQL literal with its variables filled in, as plain JSON. */
function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return node.value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `and`/`or` hold lists of filters, `not` one filter; anything else is a field: one key per level. */
export function filterProblems(filter: unknown, at = 'filter'): string[] {
  if (filter === undefined || filter === null) return [];
  if (!isObject(filter)) return [`${at}: not an object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) problems.push(`${at}.${key}: not a list`);
      else value.forEach((item, i) => problems.push(...filterProblems(item, `${at}.${key}[${i}]`)));
    } else if (key === 'not') {
      problems.push(...filterProblems(value, `${at}.not`));
    } else {
      let node: unknown = value;
      let path = `${at}.${key}`;
      while (isObject(node)) {
        const keys = Object.keys(node);
        if (keys.length !== 1) {
          problems.push(`${path}: ${keys.length} operators (${keys.join(', ')})`);
          break;
        }
        path += `.${keys[0]}`;
        node = node[keys[0] as string];
      }
    }
  }
  return problems;
}

/** Every rule of the 2.21 captures this request breaks; [] for a request 2.21 accepts. */
export function requestProblems(body: SentRequest): string[] {
  if (!body.query) return [];
  const variables = body.variables ?? {};
  const problems: string[] = [];
  visit(parse(body.query), {
    Directive(node) {
      const text = JSON.stringify(node.arguments ?? []);
      if (text.includes('"kind":"Variable"')) problems.push(`@${node.name.value} takes a variable`);
    },
    Argument(node) {
      const value = valueOf(node.value, variables);
      if (node.name.value === 'filter') problems.push(...filterProblems(value));
      if (node.name.value === 'groupBy' && Array.isArray(value)) {
        for (const item of value) {
          if (!isObject(item)) continue;
          for (const [field, spec] of Object.entries(item)) {
            if (isObject(spec) && typeof spec.granularity === 'string' && CALENDAR.has(spec.granularity) && typeof spec.timeZone !== 'string') {
              problems.push(`groupBy ${field} by ${spec.granularity} without a timeZone`);
            }
          }
        }
      }
    },
  });
  return problems;
}

/** Which of Twenty 2.21's captured refusals a request would get, if any. */
export function refusalOf(body: SentRequest): 'operator' | 'directive' | 'timezone' | null {
  const problems = requestProblems(body);
  if (problems.some((p) => p.startsWith('@'))) return 'directive';
  if (problems.some((p) => p.includes('without a timeZone'))) return 'timezone';
  return problems.length > 0 ? 'operator' : null;
}
