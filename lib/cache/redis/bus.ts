import { z } from 'zod';
import type { RedisConnection } from '@/lib/cache/redis/connection';
import { redisKeys } from '@/lib/cache/redis/keys';

// Instance-to-instance events over Redis pub/sub. "changed": a new snapshot is stored in Redis
// (read it there; the message only names it). "invalidate": a dashboard may be out of date. Each
// event names its origin so an instance ignores its own echoes. Pub/sub is fire-and-forget: a
// message sent while an instance is disconnected is lost, which the coordinator's resync covers.

const slug = z.string().min(1).max(200);
export const busEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changed'), slug, version: z.string().max(128), origin: z.string().max(200) }),
  z.object({ type: z.literal('invalidate'), slug, generation: z.number().int().nonnegative(), origin: z.string().max(200) }),
]);

export type BusEvent = z.infer<typeof busEventSchema>;
/** An event as sent: the bus stamps the origin. */
export type OutgoingBusEvent = WithoutOrigin<BusEvent>;
type WithoutOrigin<E> = E extends BusEvent ? Omit<E, 'origin'> : never;
export type BusListener = (event: BusEvent) => void;

export type Bus = {
  /** Resolves once Redis has the message (subscribers: how many received it). */
  publish(event: OutgoingBusEvent): Promise<number>;
  /** Events from other instances only. */
  subscribe(listener: BusListener): () => void;
  /**
   * Subscribes to the channel; resolves once Redis confirmed it. Rejects while Redis is down: call
   * it again when it is up (once subscribed, ioredis resubscribes by itself after reconnects).
   */
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createBus(redis: RedisConnection, instanceId: string): Bus {
  const channel = redisKeys(redis.prefix).busChannel();
  const listeners = new Set<BusListener>();
  let listening = false;
  let subscribed = false;

  function onMessage(from: string, text: string): void {
    if (from !== channel) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = busEventSchema.safeParse(json);
    if (!parsed.success || parsed.data.origin === instanceId) return;
    for (const listener of [...listeners]) {
      try {
        listener(parsed.data);
      } catch {
        // One faulty listener must not keep the event from the others.
      }
    }
  }

  return {
    publish: (event) => redis.client.publish(channel, JSON.stringify({ ...event, origin: instanceId })),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async start() {
      if (!listening) redis.subscriber.on('message', onMessage);
      listening = true;
      if (subscribed) return;
      await redis.subscriber.subscribe(channel);
      subscribed = true;
    },
    async stop() {
      if (listening) redis.subscriber.off('message', onMessage);
      listening = false;
      if (!subscribed) return;
      subscribed = false;
      await redis.subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}
