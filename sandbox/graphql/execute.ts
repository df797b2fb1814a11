// One GraphQL request, answered the way Twenty's Yoga server answers it: parse/validation errors
// as { message, locations } (HTTP 200, or 400 when the client accepts graphql-response+json),
// variable errors as HTTP 400 BAD_USER_INPUT, resolver errors as { message, extensions }.
import { executeSync, getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { formatError } from '@/sandbox/graphql/errors';
import { rootFieldsOf } from '@/sandbox/graphql/root-fields';
import type { FieldRefusal, RateDecision, RootField } from '@/sandbox/rate-limit';

export type GraphqlBody = { query?: unknown; variables?: unknown; operationName?: unknown };
export type OperationSummary = { operationType: 'query' | 'mutation' | 'subscription'; rootFields: RootField[] };
export type GraphqlOutcome = { status: number; body: unknown; summary: OperationSummary; rateLimited: boolean };

export type GraphqlRun<Ctx> = {
  schema: GraphQLSchema;
  body: GraphqlBody;
  /** When the client accepts application/graphql-response+json, request errors are HTTP 400. */
  strictStatus: boolean;
  rateLimit?: (fields: RootField[]) => RateDecision;
  fieldResolver: GraphQLFieldResolver<unknown, Ctx>;
  /** `refused`: root fields the rate limiter turned down (v0.55 answers those with null). */
  context: (refused: FieldRefusal | null) => Ctx;
};

export function summarize(document: DocumentNode | null, operationName: unknown): OperationSummary {
  const operation = document ? getOperationAST(document, typeof operationName === 'string' ? operationName : undefined) : null;
  return { operationType: operation?.operation ?? 'query', rootFields: document ? rootFieldsOf(document, operation) : [] };
}

export function tryParse(query: unknown): DocumentNode | null {
  try {
    return typeof query === 'string' ? parse(query) : null;
  } catch {
    return null;
  }
}

type Checked = { document: DocumentNode; errors: readonly GraphQLError[] };
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, Checked>>();
const MAX_CACHED_DOCUMENTS = 500;

/** Clients send the same few documents again and again; parse and validate each once per schema. */
function parseAndValidate(schema: GraphQLSchema, query: string): Checked {
  let cache = checkedDocuments.get(schema);
  if (!cache) {
    cache = new Map();
    checkedDocuments.set(schema, cache);
  }
  let checked = cache.get(query);
  if (!checked) {
    const document = parse(query);
    checked = { document, errors: validate(schema, document) };
    if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
    cache.set(query, checked);
  }
  return checked;
}

export function runGraphql<Ctx>(run: GraphqlRun<Ctx>): GraphqlOutcome {
  const { body } = run;
  const requestError = (errors: readonly GraphQLError[], summary: OperationSummary): GraphqlOutcome => ({
    status: run.strictStatus ? 400 : 200, body: { errors: errors.map(formatError) }, summary, rateLimited: false,
  });
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return { status: 400, body: { errors: [{ message: 'Must provide query string.' }] }, summary: summarize(null, null), rateLimited: false };
  }
  let checked: Checked;
  try {
    checked = parseAndValidate(run.schema, body.query);
  } catch (error) {
    return requestError([error instanceof GraphQLError ? error : new GraphQLError(String(error))], summarize(null, null));
  }
  const { document } = checked;
  const summary = summarize(document, body.operationName);
  if (checked.errors.length > 0) return requestError(checked.errors, summary);

  const decision = run.rateLimit?.(summary.rootFields) ?? { kind: 'allowed' };
  if (decision.kind === 'refuse-request') {
    return { status: 200, body: { errors: [formatError(decision.error)], data: null }, summary, rateLimited: true };
  }
  const refused = decision.kind === 'refuse-fields' ? decision : null;
  const variables = body.variables === null || body.variables === undefined ? undefined : body.variables;
  if (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables))) {
    return { status: 400, body: { errors: [{ message: 'Variables must be an object.', extensions: { code: 'BAD_USER_INPUT' } }] }, summary, rateLimited: false };
  }
  const result = executeSync({
    schema: run.schema,
    document,
    variableValues: variables as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    contextValue: run.context(refused),
    fieldResolver: run.fieldResolver,
  });
  const rateLimited = refused !== null;
  if (result.data === undefined) {
    // Variable coercion failed before execution: Twenty answers 400 with the inner message.
    const errors = (result.errors ?? []).map((e) => ({ message: e.originalError?.message ?? e.message, extensions: { code: 'BAD_USER_INPUT' } }));
    return { status: 400, body: { errors }, summary, rateLimited };
  }
  const data = result.data;
  return { status: 200, body: result.errors ? { errors: result.errors.map(formatError), data } : { data }, summary, rateLimited };
}
