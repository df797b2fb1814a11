// The demo workspace's webhook sender: one POST per record per matching webhook, sent in the
// background like Twenty's CallWebhookJob — 5 s timeout, no retry, failures only counted.
import type { SandboxChange } from '@/lib/sandbox/events';
import { buildDeliveryBody, type TwentyVersion } from '@/lib/sandbox/webhooks/body';
import { targetWantsEvent } from '@/lib/sandbox/webhooks/operations';
import { signTwentyDelivery } from '@/lib/sandbox/webhooks/sign';

export type WebhookTarget = { url: string; operations: string[] };

export type WebhookDispatcherOptions = {
  targets: WebhookTarget[];
  secret?: string;
  version: TwentyVersion;
  workspaceId: string;
  webhookId: string;
  now?: () => Date;
  /** Where failed deliveries are reported; defaults to console.warn. */
  log?: (line: string) => void;
};

export type DeliveryStats = { queued: number; delivered: number; failed: number; dropped: number };

export type WebhookDispatcher = {
  dispatch(changes: SandboxChange[]): void;
  close(): Promise<void>;
  stats(): DeliveryStats;
};

const DELIVERY_TIMEOUT_MS = 5_000;
// Twenty enqueues deliveries in chunks of 20; capping parallel sockets the same way keeps a
// 10k-record bulk mutation from opening 10k connections at once.
const MAX_PARALLEL_DELIVERIES = 20;

type Delivery = { url: string; body: string };

export function createWebhookDispatcher(opts: WebhookDispatcherOptions): WebhookDispatcher {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.warn(line));
  const stats: DeliveryStats = { queued: 0, delivered: 0, failed: 0, dropped: 0 };
  const waiting: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();
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
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (opts.secret) Object.assign(headers, signTwentyDelivery(opts.secret, now().getTime(), delivery.body));
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) stats.delivered += 1;
      else fail(delivery, `HTTP ${response.status}`);
    } catch (error) {
      fail(delivery, error instanceof Error ? error.message : String(error));
    }
  }

  function fail(delivery: Delivery, why: string): void {
    stats.failed += 1;
    log(`webhook delivery to ${delivery.url} failed (${why}); Twenty does not retry, neither do we`);
  }

  return {
    dispatch(changes) {
      if (closed) {
        stats.dropped += changes.length;
        return;
      }
      // One eventDate per batch, as Twenty stamps the whole event batch with one `new Date()`.
      const eventDate = now().toISOString();
      for (const change of changes) {
        for (const target of opts.targets) {
          if (!targetWantsEvent(target.operations, change.objectName, change.action)) continue;
          const body = buildDeliveryBody(change, {
            targetUrl: target.url,
            workspaceId: opts.workspaceId,
            webhookId: opts.webhookId,
            eventDate,
            version: opts.version,
          });
          waiting.push({ url: target.url, body });
          stats.queued += 1;
        }
      }
      // Deferred so the mutation that produced the changes answers before any delivery starts.
      setImmediate(pump);
    },
    async close() {
      closed = true;
      if (inFlight.size === 0 && waiting.length === 0) return;
      await new Promise<void>((resolve) => {
        drained = resolve;
        pump();
      });
    },
    stats: () => ({ ...stats }),
  };
}
