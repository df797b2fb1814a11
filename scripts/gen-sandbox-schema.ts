// Trims the captured v0.55 introspections (tests/fixtures/twenty/real) down to the types the demo
// workspace serves, and writes them to lib/sandbox/schema/. The app and its users do not have the
// 4.5 MB captures at run time; the trimmed files keep Twenty's exact names and types.
// Run: npx tsx scripts/gen-sandbox-schema.ts
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

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

type TrimSpec = {
  /** Root type name → the root fields to keep. */
  roots: Record<string, string[]>;
  /** Type name → the only fields (or input fields) to keep. */
  keepOnly: Record<string, string[]>;
};

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

function trim(schema: Schema, spec: TrimSpec): Schema {
  const byName = new Map(schema.types.map((t) => [t.name, t]));
  const kept = new Map<string, FullType>();
  const queue: string[] = [...Object.keys(spec.roots)];
  for (const t of schema.types) if (t.name.startsWith('__') || t.kind === 'SCALAR') queue.push(t.name);

  while (queue.length > 0) {
    const name = queue.shift();
    if (name === undefined || kept.has(name)) continue;
    const original = byName.get(name);
    if (!original) throw new Error(`type ${name} is not in the capture`);
    const allowed = spec.roots[name] ?? spec.keepOnly[name];
    const pick = <T extends { name: string }>(items: T[] | null): T[] | null =>
      items && allowed ? items.filter((i) => allowed.includes(i.name)) : items;
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

const RECORD_SYSTEM_FIELDS = ['position', 'createdBy', 'searchVector', 'id', 'createdAt', 'updatedAt', 'deletedAt'];
const OPPORTUNITY_FIELDS = ['name', 'amount', 'closeDate', 'stage', ...RECORD_SYSTEM_FIELDS, 'pointOfContactId', 'companyId'];
// People exist so privacy tests can plant personal data (names, emails, phones) next to the deals.
const PERSON_FIELDS = ['name', 'emails', 'phones', 'jobTitle', 'city', ...RECORD_SYSTEM_FIELDS, 'companyId'];
const OPPORTUNITY_INPUT_FIELDS = [...OPPORTUNITY_FIELDS, 'pointOfContact', 'company'];
const COMPANY_FIELDS = ['name', 'domainName', 'employees', ...RECORD_SYSTEM_FIELDS];
const COMPANY_FILTER_FIELDS = [...COMPANY_FIELDS, 'and', 'or', 'not'];
const aggregatesOf = (fields: string[]) =>
  fields.flatMap((f) => {
    const cap = f.charAt(0).toUpperCase() + f.slice(1);
    return ['countUniqueValues', 'countEmpty', 'countNotEmpty', 'percentageEmpty', 'percentageNotEmpty'].map((op) => op + cap);
  });

const coreSpec: TrimSpec = {
  roots: {
    Query: ['opportunities', 'opportunity', 'companies', 'company', 'people', 'person'],
    Mutation: [
      'createOpportunity',
      'createOpportunities',
      'updateOpportunity',
      'deleteOpportunity',
      'restoreOpportunity',
      'destroyOpportunity',
    ],
  },
  keepOnly: {
    Opportunity: [...OPPORTUNITY_FIELDS, 'company', 'pointOfContact'],
    Person: [...PERSON_FIELDS, 'company'],
    PersonFilterInput: [...PERSON_FIELDS, 'and', 'or', 'not'],
    PersonOrderByInput: PERSON_FIELDS,
    PersonConnection: ['totalCount', 'edges', 'pageInfo', ...aggregatesOf(PERSON_FIELDS.filter((f) => f !== 'companyId'))],
    Company: [...COMPANY_FIELDS, 'opportunities'],
    CompanyFilterInput: COMPANY_FILTER_FIELDS,
    CompanyOrderByInput: COMPANY_FIELDS,
    CompanyConnection: [
      'totalCount',
      'edges',
      'pageInfo',
      ...aggregatesOf(COMPANY_FIELDS),
      ...['min', 'max', 'avg', 'sum'].map((op) => `${op}Employees`),
      ...['CreatedAt', 'UpdatedAt', 'DeletedAt'].flatMap((f) => [`min${f}`, `max${f}`]),
    ],
    OpportunityCreateInput: OPPORTUNITY_INPUT_FIELDS,
    OpportunityUpdateInput: OPPORTUNITY_INPUT_FIELDS,
  },
};

const metadataSpec: TrimSpec = {
  roots: {
    Query: ['objects', 'object', 'fields', 'field', 'currentWorkspace'],
    Mutation: ['updateOneField'],
  },
  keepOnly: {
    Workspace: ['id', 'displayName', 'createdAt', 'updatedAt'],
    Object: [
      'id', 'dataSourceId', 'nameSingular', 'namePlural', 'labelSingular', 'labelPlural', 'description', 'icon',
      'shortcut', 'isCustom', 'isRemote', 'isActive', 'isSystem', 'isSearchable', 'createdAt', 'updatedAt',
      'labelIdentifierFieldMetadataId', 'imageIdentifierFieldMetadataId', 'isLabelSyncedWithName', 'fieldsList', 'fields',
    ],
    Field: [
      'id', 'type', 'name', 'label', 'description', 'icon', 'isCustom', 'isActive', 'isSystem', 'isNullable', 'isUnique',
      'defaultValue', 'options', 'settings', 'isLabelSyncedWithName', 'createdAt', 'updatedAt', 'object',
    ],
  },
};

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, 'tests/fixtures/twenty/real');
const out = resolve(root, 'lib/sandbox/schema');
mkdirSync(out, { recursive: true });
for (const [file, source, spec] of [
  ['core-introspection.json', 'introspection-core.json', coreSpec],
  ['metadata-introspection.json', 'introspection-metadata.json', metadataSpec],
] as const) {
  const trimmed = trim(loadCapture(resolve(fixtures, source)), spec);
  const text = JSON.stringify({ __schema: trimmed });
  writeFileSync(resolve(out, file), text + '\n');
  console.log(`${file}: ${trimmed.types.length} types, ${(text.length / 1024).toFixed(0)} KB`);
}
