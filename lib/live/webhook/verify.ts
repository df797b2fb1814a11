import 'server-only';
// Verifies one delivery from Twenty (POST /api/webhooks/twenty). Pure apart from the nonce store:
// the route hands in the raw bytes, headers, secret and clock, and maps the result to a response.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NonceStore } from '@/lib/live/webhook/nonce-store';
import { parseWebhookPayload, type WebhookEvent } from '@/lib/live/webhook/payload';

export type RejectReason =
  | 'method'
  | 'no_secret'
  | 'too_large'
  | 'bad_content_length'
  | 'empty_body'
  | 'missing_headers'
  | 'duplicate_headers'
  | 'bad_timestamp'
  | 'stale_timestamp'
  | 'bad_nonce'
  | 'bad_signature'
  | 'replay'
  | 'nonce_store_unavailable'
  | 'not_json'
  | 'bad_payload'
  | 'wrong_webhook';

export type VerifyResult =
  | { ok: true; payload: WebhookEvent }
  | { ok: false; status: 400 | 401 | 405 | 413 | 503; reason: RejectReason };

export type VerifyInput = {
  method: string;
  headers: Headers;
  rawBody: Uint8Array;
  /** The webhook secret configured in Twenty; without one nothing can be authenticated. */
  secret: string | undefined;
  /** TWENTY_WEBHOOK_ID: when set, only deliveries of that Twenty webhook are taken. */
  webhookId?: string | undefined;
  now: number;
  toleranceMs: number;
  maxBytes: number;
  nonces: NonceStore;
};

export const TWENTY_WEBHOOK_HEADERS = {
  timestamp: 'x-twenty-webhook-timestamp',
  signature: 'x-twenty-webhook-signature',
  nonce: 'x-twenty-webhook-nonce',
} as const;

const MS_TIMESTAMP = /^\d{1,15}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
// Twenty sends 16 random bytes as hex; a little slack keeps a future format from locking us out
// while still bounding what goes into the nonce store.
const NONCE = /^[A-Za-z0-9_-]{16,128}$/;

const reject = (status: 400 | 401 | 405 | 413 | 503, reason: RejectReason): VerifyResult => ({ ok: false, status, reason });

/**
 * Checks, in order: method (405), configured secret (503 — the operator must set
 * TWENTY_WEBHOOK_SECRET; an unsigned delivery is never trusted), size (413), empty body (400),
 * headers and signature (401), replay (401), then JSON and shape (400), then — when
 * TWENTY_WEBHOOK_ID is set — the delivery's webhookId (401): another webhook signed with the same
 * secret (Twenty 2.x lets several share one) is not ours.
 */
export async function verifyTwentyWebhook(input: VerifyInput): Promise<VerifyResult> {
  if (input.method.toUpperCase() !== 'POST') return reject(405, 'method');
  if (!input.secret) return reject(503, 'no_secret');

  const declaredLength = input.headers.get('content-length');
  if (declaredLength !== null) {
    if (!/^\d+$/.test(declaredLength)) return reject(400, 'bad_content_length');
    if (Number(declaredLength) > input.maxBytes) return reject(413, 'too_large');
  }
  if (input.rawBody.byteLength > input.maxBytes) return reject(413, 'too_large');
  if (input.rawBody.byteLength === 0) return reject(400, 'empty_body');

  const timestamp = input.headers.get(TWENTY_WEBHOOK_HEADERS.timestamp);
  const signature = input.headers.get(TWENTY_WEBHOOK_HEADERS.signature);
  const nonce = input.headers.get(TWENTY_WEBHOOK_HEADERS.nonce);
  if (timestamp === null || signature === null || nonce === null) return reject(401, 'missing_headers');
  // Headers joins repeated fields with ", "; none of the three values can contain a comma.
  if ([timestamp, signature, nonce].some((value) => value.includes(','))) return reject(401, 'duplicate_headers');

  if (!MS_TIMESTAMP.test(timestamp)) return reject(401, 'bad_timestamp');
  if (Math.abs(input.now - Number(timestamp)) > input.toleranceMs) return reject(401, 'stale_timestamp');
  if (!NONCE.test(nonce)) return reject(401, 'bad_nonce');
  if (!HEX_SHA256.test(signature)) return reject(401, 'bad_signature');
  if (!signatureMatches(input.secret, timestamp, input.rawBody, signature)) return reject(401, 'bad_signature');

  // A delivery is known by its signature, which covers the timestamp and the body; the nonce is
  // covered by nothing, so a replay with a fresh nonce is the same delivery. Recorded only now,
  // so unsigned junk cannot burn the key of a real delivery.
  try {
    if (await input.nonces.seen(signature, 2 * input.toleranceMs)) return reject(401, 'replay');
  } catch {
    return reject(503, 'nonce_store_unavailable');
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input.rawBody));
  } catch {
    return reject(400, 'not_json');
  }
  const parsed = parseWebhookPayload(json);
  if (!parsed.ok) return reject(400, 'bad_payload');
  if (input.webhookId && parsed.event.webhookId !== input.webhookId) return reject(401, 'wrong_webhook');
  return { ok: true, payload: parsed.event };
}

function signatureMatches(secret: string, timestamp: string, rawBody: Uint8Array, signatureHex: string): boolean {
  const expected = createHmac('sha256', secret).update(`${timestamp}:`, 'utf8').update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signatureHex, 'hex'));
}
