// Open Server-Sent-Events streams, capped per client and in total: each one holds a socket and a
// subscriber for as long as it lives, so a single client (or a flood of them) must not be able to
// take them all. A refusal says which cap was hit; the client's EventSource retries later.

export type SseRefusal = { status: 429 | 503; error: 'too_many_streams_for_client' | 'server_busy'; retryAfterSeconds: number };

export type SseSlot = { ok: true; release: () => void } | ({ ok: false } & SseRefusal);

export type SseSlots = {
  acquire(clientKey: string): SseSlot;
  stats(): { open: number; clients: number; refused: number; perClient: number; total: number };
};

export function createSseSlots(opts: { perClient: number; total: number }): SseSlots {
  const byClient = new Map<string, number>();
  let open = 0;
  let refused = 0;

  return {
    acquire(clientKey) {
      const mine = byClient.get(clientKey) ?? 0;
      if (mine >= opts.perClient) {
        refused += 1;
        return { ok: false, status: 429, error: 'too_many_streams_for_client', retryAfterSeconds: 30 };
      }
      if (open >= opts.total) {
        refused += 1;
        return { ok: false, status: 503, error: 'server_busy', retryAfterSeconds: 30 };
      }
      byClient.set(clientKey, mine + 1);
      open += 1;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          open -= 1;
          const left = (byClient.get(clientKey) ?? 1) - 1;
          if (left <= 0) byClient.delete(clientKey);
          else byClient.set(clientKey, left);
        },
      };
    },
    stats: () => ({ open, clients: byClient.size, refused, perClient: opts.perClient, total: opts.total }),
  };
}
