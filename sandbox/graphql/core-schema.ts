// The /graphql schemas, from the captured introspections (trimmed, sandbox/schema/) with the
// stage enum taken from the workspace's current options:
// - the public schema answers introspection and validates v0.55 requests;
// - 2.21 executes record requests without validation or input coercion (Twenty's "direct
//   execution"), so its execution schema turns every input object and enum into a pass-through
//   scalar: resolvers receive the raw values the client wrote, unknown keys and quoted enums included.
import { buildClientSchema, buildSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import core055 from '@/sandbox/schema/core-introspection-0.55.json';
import core221 from '@/sandbox/schema/core-introspection-2.21.json';
import type { TwentyVersion } from '@/sandbox/options';

export type { TwentyVersion } from '@/sandbox/options';

type MutableType = { kind: string; name: string; fields?: unknown; inputFields?: unknown; enumValues?: unknown; interfaces?: unknown; possibleTypes?: unknown };

const INTROSPECTIONS: Record<TwentyVersion, unknown> = { '2.21': core221, '0.55': core055 };

function introspectionWithStages(version: TwentyVersion, stageValues: readonly string[]): IntrospectionQuery {
  const introspection = structuredClone(INTROSPECTIONS[version]) as IntrospectionQuery;
  for (const type of introspection.__schema.types as unknown as MutableType[]) {
    if (type.name === 'OpportunityStageEnum') {
      type.enumValues = stageValues.map((name) => ({ name, description: null, isDeprecated: false, deprecationReason: null }));
    }
  }
  return introspection;
}

export function buildCoreSchema(version: TwentyVersion, stageValues: readonly string[]): GraphQLSchema {
  return buildClientSchema(introspectionWithStages(version, stageValues), { assumeValid: true });
}

/**
 * The schema 2.21 record requests execute on: the same output types, but every input object and
 * enum is a scalar whose parse functions keep the client's value (graphql-js's defaults for a
 * scalar built from introspection), so nothing is validated or coerced before the resolvers.
 */
export function buildExecutionSchema(stageValues: readonly string[]): GraphQLSchema {
  const introspection = introspectionWithStages('2.21', stageValues);
  const schema = introspection.__schema as unknown as { types: MutableType[] };
  schema.types = mergeGroupConnections(schema.types).map((type) =>
    !type.name.startsWith('__') && (type.kind === 'INPUT_OBJECT' || type.kind === 'ENUM')
      ? { kind: 'SCALAR', name: type.name, description: null, specifiedByURL: null, fields: null, inputFields: null, interfaces: null, enumValues: null, possibleTypes: null }
      : type,
  );
  return buildClientSchema(introspection, { assumeValid: true });
}

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type FieldLike = { name: string; type: TypeRef; args?: { type: TypeRef }[] };

/**
 * Groups of `${Object}GroupBy` answer `__typename: "${Object}Connection"` in 2.21 (captured), although the
 * introspection declares `${Object}GroupByConnection`: execution uses the connection type, with the
 * group's `groupByDimensionValues` added to it.
 */
function mergeGroupConnections(types: MutableType[]): MutableType[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const renamed = new Map<string, string>();
  for (const type of types) {
    const connection = byName.get(type.name.replace(/GroupByConnection$/, 'Connection'));
    if (!type.name.endsWith('GroupByConnection') || !connection) continue;
    renamed.set(type.name, connection.name);
    const own = connection.fields as FieldLike[];
    const extra = (type.fields as FieldLike[]).filter((f) => !own.some((o) => o.name === f.name));
    connection.fields = [...own, ...extra];
  }
  const rename = (ref: TypeRef): TypeRef => ({ ...ref, name: ref.name === null ? null : (renamed.get(ref.name) ?? ref.name), ofType: ref.ofType && rename(ref.ofType) });
  return types
    .filter((t) => !renamed.has(t.name))
    .map((t) => (Array.isArray(t.fields) ? { ...t, fields: (t.fields as FieldLike[]).map((f) => ({ ...f, type: rename(f.type) })) } : t));
}

/**
 * What /graphql serves without an Authorization header: Twenty's schema then has no workspace
 * types, so asking for records fails validation with "Cannot query field …".
 */
export const anonymousCoreSchema: GraphQLSchema = buildSchema(`
  type Query { checkUserExists(email: String!): Boolean }
  type Mutation { getLoginTokenFromCredentials(email: String!, password: String!, origin: String!): String }
`);
