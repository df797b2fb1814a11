// startSandbox(): a Twenty-compatible demo workspace on a real HTTP port, for tests, benchmarks
// and `npm start` without an account.
import type { AddressInfo } from 'node:net';
import type { ChangeListener } from '@/sandbox/events';
import { activityActor, startActivity } from '@/sandbox/activity';
import { adminHandler } from '@/sandbox/http/admin-routes';
import { Credentials } from '@/sandbox/http/auth';
import { FaultSwitch, type Fault } from '@/sandbox/http/faults';
import { coreHandler, metadataHandler, runCore, type EndpointDeps } from '@/sandbox/http/graphql-routes';
import { createSandboxServer } from '@/sandbox/http/server';
import { compose } from '@/sandbox/http/types';
import { anchorDate, sandboxOptionsSchema, type SandboxOptions, type SandboxOptionsInput } from '@/sandbox/options';
import { RateLimiter } from '@/sandbox/rate-limit';
import { randomUuid, seededRandom } from '@/sandbox/records/random';
import type { Actor } from '@/sandbox/records/types';
import type { WorkspaceStore } from '@/sandbox/records/store';
import { RequestLog } from '@/sandbox/request-log';
import { Workspace } from '@/sandbox/workspace';

export type { SandboxOptions, SandboxOptionsInput } from '@/sandbox/options';
export type { RequestLogEntry } from '@/sandbox/request-log';
export type { Fault } from '@/sandbox/http/faults';

export type Sandbox = {
  url: string;
  port: number;
  options: SandboxOptions;
  /** The workspace's API keys and user sessions (ids for `revokeApiKey`, revocation). */
  credentials: Credentials;
  log: RequestLog;
  store: WorkspaceStore;
  workspace: Workspace;
  onChange(listener: ChangeListener): () => void;
  setFault(fault: Fault): void;
  close(): Promise<void>;
};

/** Records written through the API key carry the key's name, as in Twenty. */
const API_ACTOR: Actor = { source: 'API', workspaceMemberId: null, name: 'Pipeline Wall demo key' };

/** In-process hooks that have no command-line flag. */
export type SandboxHooks = {
  /** The rate limiter's clock, so a test can replay captured call times without waiting. */
  now?: () => number;
  /** The server's clock for saved views' relative dates (THIS_1_YEAR…), so a test can replay a captured day. */
  clock?: () => number;
};

export async function startSandbox(input: SandboxOptionsInput, hooks: SandboxHooks = {}): Promise<Sandbox> {
  const options = sandboxOptionsSchema.parse(input);
  const workspace = new Workspace({
    version: options.twentyVersion, seed: options.seed, anchor: anchorDate(options), opportunities: options.opportunities, canaries: options.canaries, clock: hooks.clock,
  });
  const ids = seededRandom(options.seed ^ 0x0a91);
  const apiKeyId = randomUuid(ids);
  const credentials = new Credentials(options);
  const log = new RequestLog();
  const faults = new FaultSwitch(options.twentyVersion);
  if (options.fault) faults.set(options.fault);
  const limiter = new RateLimiter({ limit: options.rateLimit, windowMs: options.rateLimitWindowMs, version: options.twentyVersion, apiKeyId, now: hooks.now });
  const deps: EndpointDeps = { workspace, credentials, limiter, log, faults, apiActor: API_ACTOR };

  const server = createSandboxServer({
    graphql: compose([faults.middleware], coreHandler(deps)),
    metadata: compose([faults.middleware], metadataHandler(deps)),
    admin: adminHandler(deps),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const webhooks = workspace.startWebhooks({ urls: options.webhookUrls, secret: options.webhookSecret, nextWebhookId: () => randomUuid(ids), apiKeyId });
  const activity =
    options.activityMs > 0
      ? startActivity({
          intervalMs: options.activityMs,
          seed: options.seed,
          execute: async (query, variables) => {
            const outcome = runCore(deps, { query, variables }, activityActor(workspace.store.workspaceMembers), { strictStatus: false, limited: false, principal: null });
            log.record({ endpoint: '/graphql', operationType: outcome.summary.operationType, rootFields: outcome.summary.rootFields.map((f) => f.name), authorized: true, rateLimited: false, source: 'activity' });
            return outcome.body as { data?: unknown; errors?: readonly unknown[] };
          },
        })
      : null;

  return {
    url: `http://${options.host}:${port}`,
    port,
    options,
    credentials,
    log,
    store: workspace.store,
    workspace,
    onChange: (listener) => workspace.store.onChange(listener),
    setFault: (fault) => faults.set(fault),
    async close() {
      activity?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await webhooks.close();
    },
  };
}
