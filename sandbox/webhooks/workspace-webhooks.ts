// Wires a workspace to its webhooks: the `--webhook-url`s become registered `*.*` webhooks (as if
// made through createWebhook), and every record change and metadata change goes to the dispatcher,
// which picks the matching webhooks at dispatch time.
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { WorkspaceStore } from '@/sandbox/records/store';
import { createWebhookDispatcher, type WebhookDispatcher } from '@/sandbox/webhooks/dispatcher';

export type WorkspaceWebhooksOptions = {
  urls: readonly string[];
  /** Shared by the command-line webhooks; without one, 2.x generates one per webhook and v0.55 signs nothing. */
  secret?: string;
  /** Ids for the command-line webhooks, drawn in order (deterministic per seed). */
  nextWebhookId: () => string;
  apiKeyId: string;
  legacy: boolean;
  log?: (line: string) => void;
};

export type WorkspaceWebhooks = { dispatcher: WebhookDispatcher; close(): Promise<void> };

export function startWorkspaceWebhooks(store: WorkspaceStore, metadata: WorkspaceMetadata, opts: WorkspaceWebhooksOptions): WorkspaceWebhooks {
  for (const url of opts.urls) {
    metadata.webhooks.create({ id: opts.nextWebhookId(), targetUrl: url, operations: ['*.*'], description: 'demo workspace --webhook-url', secret: opts.secret });
  }
  const dispatcher = createWebhookDispatcher({
    targets: () => metadata.webhooks.list().map((w) => ({ id: w.id, url: w.targetUrl, operations: w.operations, secret: w.secret })),
    version: opts.legacy ? '0.55' : 'current',
    workspaceId: metadata.workspaceId,
    apiKeyId: opts.apiKeyId,
    log: opts.log,
  });
  const stopRecords = store.onChange((changes) => dispatcher.dispatch(changes));
  const stopMetadata = metadata.onMetadataChange((changes) => dispatcher.dispatchMetadata(changes));
  return {
    dispatcher,
    async close() {
      stopRecords();
      stopMetadata();
      await dispatcher.close();
    },
  };
}
