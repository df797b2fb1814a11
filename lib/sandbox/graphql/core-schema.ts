// The /graphql schema: the captured v0.55 introspection (trimmed), with the stage enum taken from
// the workspace's current options. In current mode it is narrowed to what every supported Twenty
// accepts (no `limit` argument, stage filter `in`/`is` only) and gains opportunitiesGroupBy.
import { buildClientSchema, buildSchema, extendSchema, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import coreIntrospection from '@/lib/sandbox/schema/core-introspection.json';
import { groupBySdl } from '@/lib/sandbox/graphql/group-by-sdl';

export type TwentyVersion = 'current' | '0.55';

type MutableType = { name: string; fields?: { name: string; args: { name: string }[] }[] | null; inputFields?: { name: string }[] | null; enumValues?: unknown[] | null };

const CURRENT_STAGE_FILTER_OPERATORS = ['in', 'is'];

export function buildCoreSchema(version: TwentyVersion, stageValues: readonly string[]): GraphQLSchema {
  const introspection = structuredClone(coreIntrospection) as unknown as IntrospectionQuery;
  const types = introspection.__schema.types as unknown as MutableType[];
  for (const type of types) {
    if (type.name === 'OpportunityStageEnum') {
      type.enumValues = stageValues.map((name) => ({ name, description: null, isDeprecated: false, deprecationReason: null }));
    }
    if (version !== 'current') continue;
    if (type.name === 'OpportunityStageEnumFilter' && type.inputFields) {
      type.inputFields = type.inputFields.filter((f) => CURRENT_STAGE_FILTER_OPERATORS.includes(f.name));
    }
    for (const field of type.fields ?? []) field.args = field.args.filter((a) => a.name !== 'limit');
  }
  const schema = buildClientSchema(introspection, { assumeValid: true });
  return version === 'current' ? extendSchema(schema, parse(groupBySdl(schema)), { assumeValidSDL: true }) : schema;
}

/**
 * What /graphql serves without an Authorization header: Twenty's schema then has no workspace
 * types, so asking for records fails validation with "Cannot query field …".
 */
export const anonymousCoreSchema: GraphQLSchema = buildSchema(`
  type Query { checkUserExists(email: String!): Boolean }
  type Mutation { getLoginTokenFromCredentials(email: String!, password: String!, origin: String!): String }
`);
