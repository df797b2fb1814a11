// Replay protection for webhook deliveries. Twenty enforces no replay window itself, so the
// receiver remembers each delivery for as long as its timestamp would still be accepted. A
// delivery is keyed by its signature (an HMAC of timestamp and body), never by its nonce: the
// signature does not cover the nonce, and a captured delivery resent with a new one would pass.

export type NonceStore = {
  /** true when the key (a delivery's signature) was recorded within ttlMs; otherwise records it and returns false. */
  seen(key: string, ttlMs: number): Promise<boolean>;
};

/**
 * In-process store for a single app instance. Bounded: when full, the entries closest to expiry
 * go first, so a flood of forged-but-signed requests cannot grow memory without limit.
 */
export function createMemoryNonceStore(maxEntries: number, clock: () => number = Date.now): NonceStore {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  // A Map keeps insertion order; with one TTL per store that is also expiry order.
  const expiresAt = new Map<string, number>();

  function evictExpired(now: number): void {
    for (const [key, expiry] of expiresAt) {
      if (expiry > now) break;
      expiresAt.delete(key);
    }
  }

  return {
    async seen(key, ttlMs) {
      const now = clock();
      const expiry = expiresAt.get(key);
      if (expiry !== undefined && expiry > now) return true;
      expiresAt.delete(key);
      evictExpired(now);
      while (expiresAt.size >= maxEntries) {
        const oldest = expiresAt.keys().next();
        if (oldest.done) break;
        expiresAt.delete(oldest.value);
      }
      expiresAt.set(key, now + ttlMs);
      return false;
    },
  };
}
