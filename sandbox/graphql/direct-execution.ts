// Twenty 2.21's "direct execution" of record requests on /graphql: no GraphQL validation and no
// input coercion (resolvers see the raw arguments), record root fields mixed with anything but
// introspection refused, a repeated root resolver refused, and each root field answered (or
// refused) on its own. Documents with no record root field go through the ordinary pipeline.
import { executeSync, getOperationAST, Kind, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { formatError, TwentyError, type FormattedError } from '@/sandbox/graphql/errors';
import { preflightErrors, rootFieldNodes } from '@/sandbox/graphql/document-scan';
import { runGraphql, summarize, tryParse, type GraphqlOutcome, type GraphqlRun } from '@/sandbox/graphql/execute';
import type { FieldRefusal } from '@/sandbox/rate-limit';

export type DirectRun<Ctx> = Omit<GraphqlRun<Ctx>, 'context'> & {
  /** The schema records execute on: input objects and enums are pass-through scalars. */
  executionSchema: GraphQLSchema;
  /** Object types the caller's role cannot read (people for the read-only key). */
  forbiddenTypes: ReadonlySet<string>;
  /** The caller may not write (read-only key): every mutation root field is refused. */
  readOnly: boolean;
  context: (refused: FieldRefusal | null, preflight: ReadonlyMap<string, Error>) => Ctx;
};

const INTROSPECTION = new Set(['__schema', '__type']);
const MIXED = 'This query cannot be executed as a single request. Please split it into separate queries.';

const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** The document with only `fields` at the root (fragments kept for the nested spreads). */
function withRootFields(document: DocumentNode, operation: OperationDefinitionNode, fields: FieldNode[]): DocumentNode {
  const only: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: fields } };
  return { ...document, definitions: [only, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

export function runDirect<Ctx>(run: DirectRun<Ctx>): GraphqlOutcome {
  const fallback = () => runGraphql({ ...run, context: (refused) => run.context(refused, new Map()) });
  const document = tryParse(run.body.query);
  const operation = document ? getOperationAST(document, typeof run.body.operationName === 'string' ? run.body.operationName : undefined) : null;
  if (!document || !operation || operation.operation === 'subscription') return fallback();
  const root = operation.operation === 'mutation' ? run.schema.getMutationType() : run.schema.getQueryType();
  const fields = rootFieldNodes(document, operation);
  const workspace = fields.filter((f) => root?.getFields()[f.name.value] !== undefined);
  const introspection = fields.filter((f) => INTROSPECTION.has(f.name.value));
  const summary = summarize(document, run.body.operationName);
  if (workspace.length === 0 || !root) return fallback();
  if (workspace.length + introspection.length < fields.length) {
    return { status: 200, body: { errors: [{ message: MIXED, extensions: { code: 'BAD_USER_INPUT' } }] }, summary, rateLimited: false };
  }
  const names = workspace.map((f) => f.name.value);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    const error = new TwentyError(`Duplicate root resolver: "${repeated}"`, 'BAD_USER_INPUT');
    return { status: 200, body: { data: {}, errors: [formatError(error)] }, summary, rateLimited: false };
  }

  const decision = run.rateLimit?.(workspace.map((f) => ({ key: keyOf(f), name: f.name.value }))) ?? { kind: 'allowed' };
  if (decision.kind === 'refuse-request') {
    return { status: 200, body: { errors: [formatError(decision.error)], data: null }, summary, rateLimited: true };
  }
  const refused = decision.kind === 'refuse-fields' ? decision : null;
  const variables = run.body.variables ?? undefined;
  if (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables))) {
    return { status: 400, body: { errors: [{ message: 'Variables must be an object.', extensions: { code: 'BAD_USER_INPUT' } }] }, summary, rateLimited: false };
  }
  const preflight = preflightErrors(document, workspace, root, run.schema, {
    forbidden: run.forbiddenTypes,
    refuseAll: run.readOnly && operation.operation === 'mutation',
  });
  const variableValues = variables as Record<string, unknown> | undefined;
  const records = executeSync({
    schema: run.executionSchema,
    document: withRootFields(document, operation, workspace),
    variableValues,
    contextValue: run.context(refused, preflight),
    fieldResolver: run.fieldResolver,
  });
  if (records.data === undefined || records.data === null) {
    // Variable coercion failed before execution: Twenty answers 400 with the inner message.
    const errors = (records.errors ?? []).map((e) => ({ message: e.originalError?.message ?? e.message, extensions: { code: 'BAD_USER_INPUT' } }));
    return { status: 400, body: { errors }, summary, rateLimited: refused !== null };
  }
  const schemaPart = introspection.length > 0 ? executeSync({ schema: run.schema, document: withRootFields(document, operation, introspection), variableValues }) : null;
  const parts: Record<string, unknown> = { ...(schemaPart?.data ?? {}), ...records.data };
  const data: Record<string, unknown> = {};
  for (const field of fields) data[keyOf(field)] = parts[keyOf(field)] ?? null;
  const errors: FormattedError[] = [...(schemaPart?.errors ?? []), ...(records.errors ?? [])].map(formatError);
  return { status: 200, body: errors.length > 0 ? { data, errors } : { data }, summary, rateLimited: refused !== null };
}
