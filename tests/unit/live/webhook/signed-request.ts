// Builds verifyTwentyWebhook inputs for tests: a correctly signed delivery that each case then breaks.
import { createHmac, randomBytes } from 'node:crypto';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import type { VerifyInput } from '@/lib/live/webhook/verify';

export const TEST_SECRET = 'test-webhook-secret';
export const TEST_NOW = 1_795_719_156_478;
export const TOLERANCE_MS = 5 * 60_000;
export const MAX_BYTES = 64 * 1024;

export function hmacHex(secret: string, message: string | Buffer): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

export function opportunityBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    targetUrl: 'http://127.0.0.1/api/webhooks/twenty',
    eventName: 'opportunity.updated',
    objectMetadata: { id: '878eee33-2b26-4f96-af5b-e36e2ad65970', nameSingular: 'opportunity' },
    workspaceId: '20202020-1c25-4d02-bf25-6aeccf7ea419',
    webhookId: 'c053c97a-b9e9-4288-b79e-dd6ce111634a',
    eventDate: '2026-11-26T18:52:36.476Z',
    record: {
      name: 'Deal',
      amount: { amountMicros: 18750000000, currencyCode: 'USD' },
      closeDate: '2027-03-31T00:00:00.000Z',
      stage: 'PROPOSAL',
      id: '58a3b88f-f7a5-4578-b7fb-6ba0a699b236',
      updatedAt: '2026-11-26T18:52:36.412Z',
      deletedAt: null,
      companyId: null,
      ...overrides,
    },
    updatedFields: ['stage'],
  });
}

export type SignedOptions = {
  body?: string | Uint8Array;
  timestamp?: string;
  signingSecret?: string;
  nonce?: string;
};

/** A delivery signed exactly the way Twenty signs (timestamp + ':' + raw body). */
export function signedInput(options: SignedOptions = {}, overrides: Partial<VerifyInput> = {}): VerifyInput {
  const body = options.body ?? opportunityBody();
  const rawBody = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const timestamp = options.timestamp ?? String(TEST_NOW);
  const signature = hmacHex(options.signingSecret ?? TEST_SECRET, Buffer.concat([Buffer.from(`${timestamp}:`), rawBody]));
  const headers = new Headers({
    'Content-Type': 'application/json',
    'Content-Length': String(rawBody.byteLength),
    'X-Twenty-Webhook-Timestamp': timestamp,
    'X-Twenty-Webhook-Signature': signature,
    'X-Twenty-Webhook-Nonce': options.nonce ?? randomBytes(16).toString('hex'),
  });
  return {
    method: 'POST',
    headers,
    rawBody,
    secret: TEST_SECRET,
    now: TEST_NOW,
    toleranceMs: TOLERANCE_MS,
    maxBytes: MAX_BYTES,
    nonces: createMemoryNonceStore(1000, () => TEST_NOW),
    ...overrides,
  };
}

export function withHeaders(input: VerifyInput, edit: (headers: Headers) => void): VerifyInput {
  const headers = new Headers(input.headers);
  edit(headers);
  return { ...input, headers };
}
