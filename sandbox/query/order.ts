// orderBy and cursors as Twenty does them: explicit NULLS FIRST/LAST per direction, an
// { id: AscNullsFirst } tie-breaker, and cursors that are base64 JSON of the order values plus id.
import { badUserInput } from '@/sandbox/graphql/errors';
import { fieldOf, type ObjectSpec, type ScalarKind } from '@/sandbox/records/object-specs';
import type { QueryEnv } from '@/sandbox/query/filter';
import { compareValues, toComparable, toCursorValue, type Comparable } from '@/sandbox/query/values';

export type SortKey<Row> = {
  field: string;
  sub?: string;
  kind: ScalarKind;
  get: (row: Row) => Comparable;
  desc: boolean;
  nullsFirst: boolean;
};

const DIRECTIONS: Record<string, { desc: boolean; nullsFirst: boolean }> = {
  AscNullsFirst: { desc: false, nullsFirst: true },
  AscNullsLast: { desc: false, nullsFirst: false },
  DescNullsFirst: { desc: true, nullsFirst: true },
  DescNullsLast: { desc: true, nullsFirst: false },
};

function direction(value: unknown, at: string): { desc: boolean; nullsFirst: boolean } {
  const d = typeof value === 'string' ? DIRECTIONS[value] : undefined;
  if (!d) throw badUserInput(`Invalid order direction for "${at}"`);
  return d;
}

export function sortKeysOf<Row>(spec: ObjectSpec<Row>, orderBy: unknown): SortKey<Row>[] {
  const keys: SortKey<Row>[] = [];
  for (const entry of Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []) {
    for (const [name, dir] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
      if (dir === undefined || dir === null) continue;
      const fieldName = spec.joinColumns[name] ?? name;
      const field = fieldOf(spec, name);
      if (!field) throw badUserInput(`Field "${name}" does not exist on ${spec.nameSingular}`);
      if (field.kind !== 'composite') {
        keys.push({ field: fieldName, kind: field.kind, get: field.get, ...direction(dir, name) });
        continue;
      }
      for (const [subName, subDir] of Object.entries((dir ?? {}) as Record<string, unknown>)) {
        const sub = field.sub[subName];
        if (!sub) throw badUserInput(`Subfield "${subName}" does not exist on "${name}"`);
        if (subDir === undefined || subDir === null) continue;
        keys.push({ field: fieldName, sub: subName, kind: sub.kind, get: sub.get, ...direction(subDir, `${name}.${subName}`) });
      }
    }
  }
  const id = spec.fields.id;
  if (!keys.some((k) => k.field === 'id') && id && id.kind !== 'composite') {
    keys.push({ field: 'id', kind: id.kind, get: id.get, desc: false, nullsFirst: true });
  }
  return keys;
}

export function isIdOrder<Row>(keys: SortKey<Row>[]): boolean {
  return keys.length === 1 && keys[0]?.field === 'id' && !keys[0].desc;
}

export function vectorOf<Row>(keys: SortKey<Row>[], row: Row): Comparable[] {
  return keys.map((k) => k.get(row));
}

export function compareVectors<Row>(keys: SortKey<Row>[], env: QueryEnv, a: Comparable[], b: Comparable[]): number {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const va = a[i] ?? null;
    const vb = b[i] ?? null;
    if (!key || va === vb) continue;
    if (va === null) return key.nullsFirst ? -1 : 1;
    if (vb === null) return key.nullsFirst ? 1 : -1;
    const c = key.kind === 'select' ? env.rank(key.field, String(va)) - env.rank(key.field, String(vb)) : compareValues(va, vb);
    if (c !== 0) return key.desc ? -c : c;
  }
  return 0;
}

export function encodeCursor<Row>(spec: ObjectSpec<Row>, keys: SortKey<Row>[], row: Row): string {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = spec.fields[key.field];
    if (!field || key.field in out) continue;
    if (field.kind !== 'composite') {
      out[key.field] = toCursorValue(field.kind, field.get(row));
      continue;
    }
    // Twenty puts the whole composite value in the cursor, e.g. amount { amountMicros, currencyCode }.
    const composite: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(field.sub)) if (sub.kind !== 'json') composite[name] = toCursorValue(sub.kind, sub.get(row));
    out[key.field] = composite;
  }
  return Buffer.from(JSON.stringify(out)).toString('base64');
}

export function decodeCursor<Row>(keys: SortKey<Row>[], cursor: string): Comparable[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw badUserInput('Invalid cursor');
  }
  if (typeof parsed !== 'object' || parsed === null) throw badUserInput('Invalid cursor');
  const values = parsed as Record<string, unknown>;
  return keys.map((key) => {
    const top = values[key.field];
    const raw = key.sub === undefined ? top : typeof top === 'object' && top !== null ? (top as Record<string, unknown>)[key.sub] : undefined;
    return toComparable(key.kind, raw);
  });
}
