// The demo workspace's webhook sender: one POST per record per matching webhook, sent in the
// background like Twenty's CallWebhookJob — 5 s timeout, no retry, failures only counted. The
// webhooks are read at dispatch time, so ones made through /metadata start receiving at once.
import type { MetadataChange, MetadataInitiator, SandboxChange } from '@/sandbox/events';
import { buildDeliveryBody, buildMetadataDeliveryBody, type DeliveryVersion } from '@/sandbox/webhooks/body';
import { targetWantsEvent, targetWantsMetadataEvent } from '@/sandbox/webhooks/operations';
import { postDelivery } from '@/sandbox/webhooks/transport';

export type WebhookTarget = { id: string; url: string; operations: readonly string[]; secret: string | null };

export type WebhookDispatcherOptions = {
  /** Read on every dispatch. */
  targets: () => readonly WebhookTarget[];
  /** '0.55': string micros, its axios User-Agent, no metadata events. */
  version: DeliveryVersion;
  workspaceId: string;
  /** The API key behind /metadata changes: metadata deliveries name it as `apiKeyId`. */
  apiKeyId: string;
  now?: () => Date;
  /** Where failed deliveries are reported; defaults to console.warn. */
  log?: (line: string) => void;
};

export type DeliveryStats = { queued: number; delivered: number; failed: number; dropped: number };

export type WebhookDispatcher = {
  dispatch(changes: SandboxChange[]): void;
  /** `initiator` overrides each change's own (default: the workspace's API key). */
  dispatchMetadata(changes: MetadataChange[], initiator?: MetadataInitiator): void;
  close(): Promise<void>;
  stats(): DeliveryStats;
};

// Twenty enqueues deliveries in chunks of 20; capping parallel sockets the same way keeps a
// 10k-record bulk mutation from opening 10k connections at once.
const MAX_PARALLEL_DELIVERIES = 20;

type Delivery = { url: string; body: string; secret: string | null };

export function createWebhookDispatcher(opts: WebhookDispatcherOptions): WebhookDispatcher {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.warn(line));
  const stats: DeliveryStats = { queued: 0, delivered: 0, failed: 0, dropped: 0 };
  const waiting: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const legacy = opts.version === '0.55';
  const transport = postDelivery({ legacy });
  let closed = false;
  let drained: (() => void) | null = null;

  function pump(): void {
    while (inFlight.size < MAX_PARALLEL_DELIVERIES) {
      const next = waiting.shift();
      if (!next) break;
      const sending = send(next).finally(() => {
        inFlight.delete(sending);
        pump();
      });
      inFlight.add(sending);
    }
    if (inFlight.size === 0 && waiting.length === 0 && drained) drained();
  }

  async function send(delivery: Delivery): Promise<void> {
    try {
      const status = await transport.post(delivery.url, delivery.body, delivery.secret, now().getTime());
      if (status >= 200 && status < 300) stats.delivered += 1;
      else fail(delivery, `HTTP ${status}`);
    } catch (error) {
      fail(delivery, error instanceof Error ? error.message : String(error));
    }
  }

  function fail(delivery: Delivery, why: string): void {
    stats.failed += 1;
    log(`webhook delivery to ${delivery.url} failed (${why}); Twenty does not retry, neither do we`);
  }

  function enqueue(build: (eventDate: string, targets: readonly WebhookTarget[]) => Delivery[], count: number): void {
    if (closed) {
      stats.dropped += count;
      return;
    }
    // One eventDate per batch, as Twenty stamps the whole event batch with one `new Date()`.
    const deliveries = build(now().toISOString(), opts.targets());
    waiting.push(...deliveries);
    stats.queued += deliveries.length;
    // Deferred so the mutation that produced the changes answers before any delivery starts.
    if (deliveries.length > 0) setImmediate(pump);
  }

  return {
    dispatch(changes) {
      enqueue((eventDate, targets) => {
        const out: Delivery[] = [];
        for (const target of targets) {
          for (const change of changes) {
            if (!targetWantsEvent(target.operations, change.objectName, change.action)) continue;
            const context = { targetUrl: target.url, workspaceId: opts.workspaceId, webhookId: target.id, eventDate, version: opts.version };
            out.push({ url: target.url, body: buildDeliveryBody(change, context), secret: target.secret });
          }
        }
        return out;
      }, changes.length);
    },
    dispatchMetadata(changes, initiator) {
      // v0.55 had no metadata events for webhooks.
      if (legacy) return;
      enqueue((eventDate, targets) => {
        const out: Delivery[] = [];
        for (const target of targets) {
          for (const change of changes) {
            if (!targetWantsMetadataEvent(target.operations, change.metadataName, change.type)) continue;
            const context = { targetUrl: target.url, workspaceId: opts.workspaceId, webhookId: target.id, eventDate };
            const by = initiator ?? change.initiator ?? { apiKeyId: opts.apiKeyId };
            out.push({ url: target.url, body: buildMetadataDeliveryBody(change, by, context), secret: target.secret });
          }
        }
        return out;
      }, changes.length);
    },
    async close() {
      closed = true;
      if (inFlight.size > 0 || waiting.length > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          pump();
        });
      }
      transport.close();
    },
    stats: () => ({ ...stats }),
  };
}
