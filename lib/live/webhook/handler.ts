import 'server-only';
import { errorResponse, jsonResponse } from '@/lib/http/responses';
import { createdAtOf } from '@/lib/live/created-at';
import type { NonceStore } from '@/lib/live/webhook/nonce-store';
import type { WebhookEvent } from '@/lib/live/webhook/payload';
import { verifyTwentyWebhook } from '@/lib/live/webhook/verify';
import { MAX_WEBHOOK_BYTES } from '@/lib/live/webhook/max-bytes';

// POST /api/webhooks/twenty, minus the framework: bounded raw bytes in, the verifier's verdict
// out. A valid delivery is answered 202 at once; what it changes is scheduled, never awaited
// (Twenty gives up after 5 s and never retries).

export { MAX_WEBHOOK_BYTES };

export type WebhookHandlerDeps = {
  secret: string | undefined;
  /** TWENTY_WEBHOOK_ID: deliveries of any other Twenty webhook are refused (401 wrong_webhook). */
  webhookId?: string | undefined;
  toleranceMs: number;
  nonces: NonceStore;
  /** Takes a verified event and its record's createdAt; must return quickly. */
  accept: (event: WebhookEvent, createdAt: string | null) => void;
  now?: () => number;
  /** One line per refused delivery: the reason only, never the secret or record data. */
  logRejection?: (fields: { reason: string; status: number }) => void;
  maxBytes?: number;
};

type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false };

/** The body, or { ok: false } once it passes maxBytes (never buffering more than that). */
async function readBounded(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared)) return { ok: true, bytes: new Uint8Array(await request.arrayBuffer()) };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export async function handleTwentyWebhook(request: Request, deps: WebhookHandlerDeps): Promise<Response> {
  const maxBytes = deps.maxBytes ?? MAX_WEBHOOK_BYTES;
  const refuse = (status: number, reason: string) => {
    deps.logRejection?.({ reason, status });
    return errorResponse(status, reason, status === 405 ? { allow: 'POST' } : {});
  };
  if (request.method.toUpperCase() !== 'POST') return refuse(405, 'method');
  const declared = request.headers.get('content-length');
  // Checked before reading a byte; the verifier repeats the checks on what was actually read.
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return refuse(413, 'too_large');
  const body = await readBounded(request, maxBytes);
  if (!body.ok) return refuse(413, 'too_large');

  const verdict = await verifyTwentyWebhook({
    method: request.method,
    headers: request.headers,
    rawBody: body.bytes,
    secret: deps.secret,
    webhookId: deps.webhookId,
    now: (deps.now ?? Date.now)(),
    toleranceMs: deps.toleranceMs,
    maxBytes,
    nonces: deps.nonces,
  });
  if (!verdict.ok) return refuse(verdict.status, verdict.reason);
  deps.accept(verdict.payload, createdAtOf(body.bytes));
  return jsonResponse({ ok: true }, { status: 202, headers: { 'cache-control': 'no-store' } });
}

/** For every method but POST: 405 with `Allow: POST`. */
export function webhookMethodNotAllowed(): Response {
  return errorResponse(405, 'method', { allow: 'POST' });
}
