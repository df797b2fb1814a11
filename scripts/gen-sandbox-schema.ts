// Trims captured introspections down to the types the demo workspace serves and writes them to
// sandbox/schema/: v0.55 from tests/fixtures/twenty/real, 2.21 from the real 2.21 captures
// (../shared/twenty-fixtures/real-2.21, or $TWENTY_221_CAPTURES). The app and its users do not
// have the multi-megabyte captures at run time; the trimmed files keep Twenty's exact names/types.
// Run: npx tsx scripts/gen-sandbox-schema.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CORE_055, CORE_221, METADATA_055, METADATA_221, type TrimSpec } from '@/scripts/sandbox-schema-specs';

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type InputValue = { name: string; type: TypeRef } & Record<string, unknown>;
type Field = { name: string; type: TypeRef; args: InputValue[] } & Record<string, unknown>;
type FullType = {
  kind: string;
  name: string;
  fields: Field[] | null;
  inputFields: InputValue[] | null;
  interfaces: TypeRef[] | null;
  possibleTypes: TypeRef[] | null;
} & Record<string, unknown>;
type Schema = { queryType: { name: string }; mutationType: { name: string } | null; types: FullType[] } & Record<string, unknown>;

const captureSchema = z.object({
  response: z.object({ body: z.object({ data: z.object({ __schema: z.record(z.string(), z.unknown()) }) }) }),
});

function loadCapture(path: string): Schema {
  return captureSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).response.body.data.__schema as unknown as Schema;
}

function namedType(ref: TypeRef): string {
  let t: TypeRef = ref;
  while (t.ofType) t = t.ofType;
  if (!t.name) throw new Error('type reference without a name');
  return t.name;
}

const AGGREGATE = /^(countUniqueValues|countEmpty|countNotEmpty|percentageEmpty|percentageNotEmpty|countTrue|countFalse|min|max|sum|avg)([A-Z].*)$/;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A connection field survives when it is structural or aggregates one of the kept record fields. */
function keepsConnectionField(name: string, recordFields: readonly string[]): boolean {
  if (['totalCount', 'edges', 'pageInfo', 'groupByDimensionValues'].includes(name)) return true;
  const match = AGGREGATE.exec(name);
  const rest = match?.[2];
  if (rest === undefined) return false;
  return recordFields.some((f) => rest === f.charAt(0).toUpperCase() + f.slice(1) || lowerFirst(rest).startsWith(f));
}

function trim(schema: Schema, spec: TrimSpec): Schema {
  const byName = new Map(schema.types.map((t) => [t.name, t]));
  const kept = new Map<string, FullType>();
  const queue: string[] = [...Object.keys(spec.roots), ...(spec.extraTypes ?? [])];
  for (const t of schema.types) if (t.name.startsWith('__') || t.kind === 'SCALAR') queue.push(t.name);

  while (queue.length > 0) {
    const name = queue.shift();
    if (name === undefined || kept.has(name)) continue;
    const original = byName.get(name);
    if (!original) throw new Error(`type ${name} is not in the capture`);
    const allowed = spec.roots[name] ?? spec.keepOnly[name];
    const connectionOf = spec.connections?.[name];
    const pick = <T extends { name: string }>(items: T[] | null): T[] | null => {
      if (!items) return items;
      if (allowed) return items.filter((i) => allowed.includes(i.name));
      if (connectionOf) return items.filter((i) => keepsConnectionField(i.name, connectionOf));
      return items;
    };
    const type: FullType = { ...original, fields: pick(original.fields), inputFields: pick(original.inputFields) };
    kept.set(name, type);
    for (const f of type.fields ?? []) {
      queue.push(namedType(f.type));
      for (const a of f.args) queue.push(namedType(a.type));
    }
    for (const f of type.inputFields ?? []) queue.push(namedType(f.type));
    for (const i of type.interfaces ?? []) queue.push(namedType(i));
    for (const p of type.possibleTypes ?? []) queue.push(namedType(p));
  }
  for (const [name, fields] of Object.entries({ ...spec.roots, ...spec.keepOnly })) {
    const type = kept.get(name);
    const present = new Set([...(type?.fields ?? []), ...(type?.inputFields ?? [])].map((f) => f.name));
    const missing = fields.filter((f) => !present.has(f));
    if (type && missing.length > 0) throw new Error(`${name} has no ${missing.join(', ')}`);
  }
  return {
    ...schema,
    subscriptionType: null,
    mutationType: spec.roots[schema.mutationType?.name ?? ''] ? schema.mutationType : null,
    types: schema.types.filter((t) => kept.has(t.name)).map((t) => kept.get(t.name) as FullType),
  };
}

const root = resolve(import.meta.dirname, '..');
const v055 = resolve(root, 'tests/fixtures/twenty/real');
const v221 = process.env.TWENTY_221_CAPTURES ?? resolve(root, '../shared/twenty-fixtures/real-2.21');
const out = resolve(root, 'sandbox/schema');
mkdirSync(out, { recursive: true });
for (const [file, source, spec] of [
  ['core-introspection-0.55.json', resolve(v055, 'introspection-core.json'), CORE_055],
  ['metadata-introspection-0.55.json', resolve(v055, 'introspection-metadata.json'), METADATA_055],
  ['core-introspection-2.21.json', resolve(v221, 'introspection-core.json'), CORE_221],
  ['metadata-introspection-2.21.json', resolve(v221, 'introspection-metadata.json'), METADATA_221],
] as const) {
  const trimmed = trim(loadCapture(source), spec);
  const text = JSON.stringify({ __schema: trimmed });
  writeFileSync(resolve(out, file), text + '\n');
  console.log(`${file}: ${trimmed.types.length} types, ${(text.length / 1024).toFixed(0)} KB`);
}
