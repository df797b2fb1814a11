// Twenty's delivery signature (call-webhook.job.ts): hex HMAC-SHA256 keyed with the secret
// string over `${timestamp}:${body}`; the nonce travels alongside but is not signed.
import { createHmac, randomBytes } from 'node:crypto';

export type SignatureHeaders = {
  'X-Twenty-Webhook-Timestamp': string;
  'X-Twenty-Webhook-Signature': string;
  'X-Twenty-Webhook-Nonce': string;
};

export function signTwentyDelivery(secret: string, timestampMs: number, body: string): SignatureHeaders {
  const timestamp = String(timestampMs);
  const signature = createHmac('sha256', secret).update(`${timestamp}:${body}`, 'utf8').digest('hex');
  return {
    'X-Twenty-Webhook-Timestamp': timestamp,
    'X-Twenty-Webhook-Signature': signature,
    'X-Twenty-Webhook-Nonce': randomBytes(16).toString('hex'),
  };
}
