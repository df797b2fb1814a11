// Open Server-Sent-Events streams, capped per client and in total: each one holds a socket and a
// subscriber for as long as it lives, so a single client (or a flood of them) must not be able to
// take them all. One address can be a whole office behind NAT, so the per-address cap is high;
// fairness comes in only when the server fills up: past 80 % of the total, an address that
// already holds 10 % of it gets no new stream, which leaves the rest for everyone else.
// A refusal says which cap was hit; the client retries later.

export type SseRefusal = {
  status: 429 | 503;
  error: 'too_many_streams_for_client' | 'fair_share_exceeded' | 'server_busy';
  retryAfterSeconds: number;
};

export type SseSlot = { ok: true; release: () => void } | ({ ok: false } & SseRefusal);

export type SseSlotStats = { open: number; clients: number; refused: number; perClient: number; total: number };

export type SseSlots = {
  acquire(clientKey: string): SseSlot;
  stats(): SseSlotStats;
};

/** Share of the total above which the server counts as crowded. */
export const CROWDED_SHARE = 0.8;
/** Share of the total an address may hold before it gets no new stream while crowded. */
export const FAIR_SHARE = 0.1;

export function createSseSlots(opts: { perClient: number; total: number }): SseSlots {
  const byClient = new Map<string, number>();
  let open = 0;
  let refused = 0;
  const refuse = (status: 429 | 503, error: SseRefusal['error']): SseSlot => {
    refused += 1;
    return { ok: false, status, error, retryAfterSeconds: 30 };
  };

  return {
    acquire(clientKey) {
      const mine = byClient.get(clientKey) ?? 0;
      if (mine >= opts.perClient) return refuse(429, 'too_many_streams_for_client');
      if (open >= opts.total) return refuse(503, 'server_busy');
      if (open >= opts.total * CROWDED_SHARE && mine >= opts.total * FAIR_SHARE) return refuse(429, 'fair_share_exceeded');
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
