// Replay protection for webhook nonces. Twenty enforces no replay window itself, so the receiver
// remembers each nonce for as long as its timestamp would still be accepted.

export type NonceStore = {
  /** true when the nonce was already recorded within ttlMs; otherwise records it and returns false. */
  seen(nonce: string, ttlMs: number): Promise<boolean>;
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
    for (const [nonce, expiry] of expiresAt) {
      if (expiry > now) break;
      expiresAt.delete(nonce);
    }
  }

  return {
    async seen(nonce, ttlMs) {
      const now = clock();
      const expiry = expiresAt.get(nonce);
      if (expiry !== undefined && expiry > now) return true;
      expiresAt.delete(nonce);
      evictExpired(now);
      while (expiresAt.size >= maxEntries) {
        const oldest = expiresAt.keys().next();
        if (oldest.done) break;
        expiresAt.delete(oldest.value);
      }
      expiresAt.set(nonce, now + ttlMs);
      return false;
    },
  };
}
