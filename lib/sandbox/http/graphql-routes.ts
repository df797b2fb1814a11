// POST /graphql and POST /metadata: auth first (as Twenty's middleware does), then the GraphQL
// pipeline, then one request-log entry per operation.
import { defaultFieldResolver } from 'graphql';
import { z } from 'zod';
import { anonymousCoreSchema } from '@/lib/sandbox/graphql/core-schema';
import { coreFieldResolver, type CoreContext } from '@/lib/sandbox/graphql/core-resolvers';
import { runGraphql, summarize, tryParse, type GraphqlBody, type GraphqlOutcome } from '@/lib/sandbox/graphql/execute';
import { metadataFieldResolver, metadataSchema } from '@/lib/sandbox/graphql/metadata-resolvers';
import { authenticate } from '@/lib/sandbox/http/auth';
import type { FaultSwitch } from '@/lib/sandbox/http/faults';
import { authFailure, json } from '@/lib/sandbox/http/responses';
import type { Handler, SandboxRequest } from '@/lib/sandbox/http/types';
import type { RateLimiter, RootField } from '@/lib/sandbox/rate-limit';
import type { Actor } from '@/lib/sandbox/records/types';
import type { RequestLog } from '@/lib/sandbox/request-log';
import type { Workspace } from '@/lib/sandbox/workspace';

export type EndpointDeps = { workspace: Workspace; apiKeys: readonly string[]; limiter: RateLimiter; log: RequestLog; faults: FaultSwitch; apiActor: Actor };

const bodySchema = z.object({ query: z.unknown().optional(), variables: z.unknown().optional(), operationName: z.unknown().optional() });
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

function parseBody(raw: string): GraphqlBody | null {
  try {
    const parsed = bodySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const names = (fields: RootField[]) => fields.map((f) => f.name);
const invalidBody = () => json(400, { errors: [{ message: 'POST body sent invalid JSON.' }] });

function respond(outcome: GraphqlOutcome, req: SandboxRequest) {
  const wantsGraphqlResponse = String(req.headers.accept ?? '').includes(GRAPHQL_RESPONSE);
  return json(outcome.status, outcome.body, wantsGraphqlResponse ? `${GRAPHQL_RESPONSE}; charset=utf-8` : undefined);
}

/** Runs a document against the workspace's own schema, as `actor`, with no rate limit. */
export function runCore(deps: EndpointDeps, body: GraphqlBody, actor: Actor, opts: { strictStatus: boolean; limited: boolean }): GraphqlOutcome {
  const { workspace, limiter, faults } = deps;
  return runGraphql<CoreContext>({
    schema: workspace.coreSchema(),
    body,
    checkRoots: workspace.version === 'current',
    strictStatus: opts.strictStatus,
    rateLimit: opts.limited ? (fields) => (faults.forcesRateLimit ? limiter.refuseAll(fields, faults.current.shape, faults.current.ms) : limiter.check(fields)) : undefined,
    fieldResolver: coreFieldResolver,
    context: (refused) => ({ workspace, actor, refused }),
  });
}

export function coreHandler(deps: EndpointDeps): Handler {
  return async (req) => {
    const body = parseBody(req.body);
    if (!body) return invalidBody();
    const auth = authenticate(req.headers.authorization, deps.apiKeys);
    const strictStatus = String(req.headers.accept ?? '').includes(GRAPHQL_RESPONSE);
    if (auth.kind === 'rejected') {
      const { operationType, rootFields } = summarize(tryParse(body.query), body.operationName);
      deps.log.record({ endpoint: '/graphql', operationType, rootFields: names(rootFields), authorized: false, rateLimited: false, source: 'client' });
      return authFailure(auth.message, 'UNAUTHENTICATED');
    }
    const outcome =
      auth.kind === 'anonymous'
        ? runGraphql({ schema: anonymousCoreSchema, body, checkRoots: false, strictStatus, fieldResolver: defaultFieldResolver, context: () => ({}) })
        : runCore(deps, body, deps.apiActor, { strictStatus, limited: true });
    deps.log.record({
      endpoint: '/graphql',
      operationType: outcome.summary.operationType,
      rootFields: names(outcome.summary.rootFields),
      authorized: auth.kind === 'authorized',
      rateLimited: outcome.rateLimited,
      source: 'client',
      keyIndex: auth.kind === 'authorized' ? auth.keyIndex : undefined,
    });
    return respond(outcome, req);
  };
}

export function metadataHandler(deps: EndpointDeps): Handler {
  return async (req) => {
    const body = parseBody(req.body);
    if (!body) return invalidBody();
    const auth = authenticate(req.headers.authorization, deps.apiKeys);
    const entry = { endpoint: '/metadata' as const, rateLimited: false, source: 'client' as const };
    if (auth.kind !== 'authorized') {
      const { operationType, rootFields } = summarize(tryParse(body.query), body.operationName);
      deps.log.record({ ...entry, operationType, rootFields: names(rootFields), authorized: false });
      // Not captured for a missing header; Twenty's metadata resolvers sit behind an auth guard.
      return authFailure(auth.kind === 'rejected' ? auth.message : 'Unauthenticated', 'UNAUTHENTICATED');
    }
    const outcome = runGraphql({
      schema: metadataSchema,
      body,
      checkRoots: false,
      strictStatus: String(req.headers.accept ?? '').includes(GRAPHQL_RESPONSE),
      fieldResolver: metadataFieldResolver,
      context: () => ({ metadata: deps.workspace.metadata }),
    });
    deps.log.record({ ...entry, operationType: outcome.summary.operationType, rootFields: names(outcome.summary.rootFields), authorized: true, keyIndex: auth.keyIndex });
    return respond(outcome, req);
  };
}
