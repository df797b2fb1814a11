import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// Stands where a load balancer would, between the demo workspace's webhook sender and the app
// instances: each delivery goes to one instance (round-robin over the targets), byte for byte,
// and is kept (raw body + headers) so a test can replay exactly what Twenty sent.

const FORWARDED = /^(content-type|x-twenty-webhook-[a-z-]+)$/;

export type RecordedDelivery = {
  body: Buffer;
  headers: Record<string, string>;
  /** The instance it was forwarded to, and what it answered. */
  target: string;
  status: number;
  /** Date.now() when the instance answered. */
  answeredAt: number;
};

export type DeliveryRelay = {
  /** Give this to the workspace as its --webhook-url. */
  webhookUrl: string;
  deliveries: RecordedDelivery[];
  /** The app base URLs deliveries go to from now on (one each, in turn). */
  route(targets: string[]): void;
  /** Resolves with the first delivery (already recorded or still to come) the predicate accepts. */
  waitFor(accept: (delivery: RecordedDelivery) => boolean, timeoutMs?: number): Promise<RecordedDelivery>;
  close(): Promise<void>;
};

/** The same bytes and headers, posted to another app's webhook route. */
export function replayDelivery(delivery: Pick<RecordedDelivery, 'body' | 'headers'>, appUrl: string): Promise<Response> {
  return fetch(`${appUrl}/api/webhooks/twenty`, { method: 'POST', headers: delivery.headers, body: new Uint8Array(delivery.body) });
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDeliveryRelay(initialTargets: string[] = []): Promise<DeliveryRelay> {
  let targets = [...initialTargets];
  let turn = 0;
  const deliveries: RecordedDelivery[] = [];
  const waiters = new Set<(delivery: RecordedDelivery) => void>();

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && FORWARDED.test(name)) headers[name] = value;
      const target = targets[turn++ % Math.max(1, targets.length)];
      if (!target) {
        res.writeHead(503).end();
        return;
      }
      let status = 502;
      let answer = '';
      try {
        const response = await replayDelivery({ body, headers }, target);
        status = response.status;
        answer = await response.text();
      } catch {
        // The instance is down: Twenty would see a failed delivery too (and never retry it).
      }
      const delivery: RecordedDelivery = { body, headers, target, status, answeredAt: Date.now() };
      deliveries.push(delivery);
      for (const wake of [...waiters]) wake(delivery);
      res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/twenty`,
    deliveries,
    route(next) {
      targets = [...next];
      turn = 0;
    },
    waitFor(accept, timeoutMs = 10_000) {
      const seen = deliveries.find(accept);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching webhook delivery within ${timeoutMs} ms (${deliveries.length} relayed)`));
        }, timeoutMs);
        const wake = (delivery: RecordedDelivery) => {
          if (!accept(delivery)) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(delivery);
        };
        waiters.add(wake);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
