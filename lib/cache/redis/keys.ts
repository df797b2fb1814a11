// Every key and channel this app uses, under one prefix, so several apps (or test runs) can share
// a Redis. Slugs and nonces are validated upstream; they are used verbatim.

export type RedisKeys = {
  snapshot(slug: string): string;
  /** Bumped by every invalidation: a stored snapshot older than it is out of date. */
  generation(slug: string): string;
  lock(slug: string): string;
  /** Set briefly when a refresh failed, so instances waiting for it do not each retry upstream. */
  failure(slug: string): string;
  nonce(nonce: string): string;
  busChannel(): string;
};

export function redisKeys(prefix: string): RedisKeys {
  return {
    snapshot: (slug) => `${prefix}snap:${slug}`,
    generation: (slug) => `${prefix}gen:${slug}`,
    lock: (slug) => `${prefix}lock:${slug}`,
    failure: (slug) => `${prefix}fail:${slug}`,
    nonce: (nonce) => `${prefix}nonce:${nonce}`,
    busChannel: () => `${prefix}bus`,
  };
}
