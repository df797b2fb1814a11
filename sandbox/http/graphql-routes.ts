// POST /graphql and POST /metadata: auth first (as Twenty's middleware does), then the version's
// GraphQL pipeline (2.21: direct execution of record requests; v0.55: validated graphql-js),
// then one request-log entry per operation.
import { defaultFieldResolver } from 'graphql';
import { z } from 'zod';
import { anonymousCoreSchema } from '@/sandbox/graphql/core-schema';
import { executionSchemaOf, forbiddenTypes } from '@/sandbox/graphql/core-context';
import { coreFieldResolver, type CoreContext } from '@/sandbox/graphql/core-resolvers';
import { runDirect } from '@/sandbox/graphql/direct-execution';
import { runGraphql, summarize, tryParse, type GraphqlBody, type GraphqlOutcome } from '@/sandbox/graphql/execute';
import { metadataFieldResolver, metadataSchema } from '@/sandbox/graphql/metadata-resolvers';
import { rejectionError, type Credentials, type Principal } from '@/sandbox/http/auth';
import type { FaultSwitch } from '@/sandbox/http/faults';
import { authFailure, forbiddenResource, json } from '@/sandbox/http/responses';
import type { Handler, SandboxRequest } from '@/sandbox/http/types';
import type { RateLimiter, RootField } from '@/sandbox/rate-limit';
import { memberActor } from '@/sandbox/records/members';
import { MEMBERS } from '@/sandbox/records/seed-names';
import type { Actor } from '@/sandbox/records/types';
import type { RequestLog } from '@/sandbox/request-log';
import type { Workspace } from '@/sandbox/workspace';

export type EndpointDeps = { workspace: Workspace; credentials: Credentials; limiter: RateLimiter; log: RequestLog; faults: FaultSwitch; apiActor: Actor };

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

/** Who a principal's writes are attributed to: the key's name, or the signed-in member. */
function actorOf(deps: EndpointDeps, principal: Principal): Actor {
  if (principal.kind === 'apiKey') return deps.apiActor;
  const first = MEMBERS[0];
  return memberActor(deps.workspace.store.workspaceMembers.get(first.id) ?? first);
}

export type CoreRunOptions = { strictStatus: boolean; limited: boolean; principal: Principal | null };

/** Runs a document against the workspace as `actor`; `limited` puts it on the workspace's rate limit. */
export function runCore(deps: EndpointDeps, body: GraphqlBody, actor: Actor, opts: CoreRunOptions): GraphqlOutcome {
  const { workspace, limiter, faults } = deps;
  const rateLimit = opts.limited
    ? (fields: RootField[]) => (faults.forcesRateLimit ? limiter.refuseAll(fields, faults.current.shape, faults.current.ms) : limiter.check(fields))
    : undefined;
  const common = { schema: workspace.coreSchema(), body, strictStatus: opts.strictStatus, rateLimit, fieldResolver: coreFieldResolver };
  const context = (refused: CoreContext['refused'], preflight: CoreContext['preflight'] = new Map()): CoreContext => ({ workspace, actor, principal: opts.principal, refused, preflight });
  if (workspace.version === '0.55') return runGraphql<CoreContext>({ ...common, context });
  return runDirect<CoreContext>({
    ...common,
    executionSchema: executionSchemaOf(workspace),
    forbiddenTypes: forbiddenTypes(opts.principal),
    readOnly: opts.principal?.readOnly === true,
    context,
  });
}

export function coreHandler(deps: EndpointDeps): Handler {
  return async (req) => {
    const body = parseBody(req.body);
    if (!body) return invalidBody();
    const auth = deps.credentials.authenticate(req.headers.authorization);
    const strictStatus = String(req.headers.accept ?? '').includes(GRAPHQL_RESPONSE);
    if (auth.kind === 'rejected') {
      const { operationType, rootFields } = summarize(tryParse(body.query), body.operationName);
      deps.log.record({ endpoint: '/graphql', operationType, rootFields: names(rootFields), authorized: false, rateLimited: false, source: 'client' });
      return authFailure(rejectionError(auth.reason, deps.workspace.version));
    }
    const outcome =
      auth.kind === 'anonymous'
        ? runGraphql({ schema: anonymousCoreSchema, body, strictStatus, fieldResolver: defaultFieldResolver, context: () => ({}) })
        : runCore(deps, body, actorOf(deps, auth.principal), { strictStatus, limited: auth.principal.kind === 'apiKey', principal: auth.principal });
    deps.log.record({
      endpoint: '/graphql',
      operationType: outcome.summary.operationType,
      rootFields: names(outcome.summary.rootFields),
      authorized: auth.kind === 'authorized',
      rateLimited: outcome.rateLimited,
      source: 'client',
      keyIndex: auth.kind === 'authorized' ? auth.principal.keyIndex : undefined,
    });
    return respond(outcome, req);
  };
}

export function metadataHandler(deps: EndpointDeps): Handler {
  return async (req) => {
    const body = parseBody(req.body);
    if (!body) return invalidBody();
    const auth = deps.credentials.authenticate(req.headers.authorization);
    const version = deps.workspace.version;
    const entry = { endpoint: '/metadata' as const, rateLimited: false, source: 'client' as const };
    if (auth.kind !== 'authorized') {
      const { operationType, rootFields } = summarize(tryParse(body.query), body.operationName);
      deps.log.record({ ...entry, operationType, rootFields: names(rootFields), authorized: false });
      if (auth.kind === 'rejected') return authFailure(rejectionError(auth.reason, version));
      // 2.21 captured; v0.55 was not (its metadata resolvers sit behind an auth guard too).
      return version === '2.21' ? forbiddenResource() : authFailure({ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } });
    }
    let chartsLimited = false;
    const spendToken = () => {
      if (auth.principal.kind !== 'apiKey') return;
      const fields = [{ key: 'chartData', name: 'chartData' }];
      const { faults } = deps;
      const decision = faults.forcesRateLimit ? deps.limiter.refuseAll(fields, faults.current.shape, faults.current.ms) : deps.limiter.check(fields);
      if (decision.kind === 'allowed') return;
      chartsLimited = true;
      throw decision.kind === 'refuse-fields' ? decision.error() : decision.error;
    };
    const outcome = runGraphql({
      schema: metadataSchema(version),
      body,
      strictStatus: String(req.headers.accept ?? '').includes(GRAPHQL_RESPONSE),
      fieldResolver: metadataFieldResolver,
      context: () => ({
        metadata: deps.workspace.metadata, credentials: deps.credentials, views: deps.workspace.views, layouts: deps.workspace.layouts,
        workspace: deps.workspace, principal: auth.principal, spendToken,
      }),
    });
    deps.log.record({ ...entry, rateLimited: chartsLimited, operationType: outcome.summary.operationType, rootFields: names(outcome.summary.rootFields), authorized: true, keyIndex: auth.principal.keyIndex });
    return respond(outcome, req);
  };
}
