// One comparable form per field kind, used by filters, sorting and cursors alike:
// dates as epoch ms, numbers as numbers, everything else as strings.
import type { ScalarKind } from '@/sandbox/records/object-specs';
import { badUserInput } from '@/sandbox/graphql/errors';

export type Comparable = string | number | null;

export function toComparable(kind: ScalarKind, value: unknown): Comparable {
  if (value === null || value === undefined) return null;
  if (kind === 'date') {
    const ms = typeof value === 'number' ? value : Date.parse(String(value));
    if (Number.isNaN(ms)) throw badUserInput(`Invalid date value: "${String(value)}"`);
    return ms;
  }
  if (kind === 'number' || kind === 'numeric') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw badUserInput(`Invalid number value: "${String(value)}"`);
    return n;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Ascending order of two non-null comparables of the same kind. */
export function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value as Twenty prints it in GraphQL (numeric → number, date → ISO). */
export function toGraphqlValue(kind: ScalarKind, value: string | number | null): unknown {
  if (value === null) return null;
  if (kind === 'date') return new Date(value).toISOString();
  return value;
}

/** The value as Twenty's cursors hold it: NUMERIC comes back from Postgres as a string. */
export function toCursorValue(kind: ScalarKind, value: string | number | null): unknown {
  if (value === null) return null;
  if (kind === 'numeric') return String(value);
  return toGraphqlValue(kind, value);
}
