// One delivery on the wire, with the request head Twenty's axios sends (captured byte for byte in
// real/webhooks/*.head.txt and real-2.21/webhooks/*.head.txt): the same headers in the same order,
// then Host and `Connection: keep-alive`, which node:http appends itself. fetch() would add
// headers of its own (sec-fetch-mode, accept-language), so node:http it is.
import http from 'node:http';
import https from 'node:https';
import { signTwentyDelivery } from '@/sandbox/webhooks/sign';

const DELIVERY_TIMEOUT_MS = 5_000;
/** The axios each captured server shipped. */
const USER_AGENT = { legacy: 'axios/1.7.3', current: 'axios/1.17.0' };

export type Transport = {
  /** Resolves with the HTTP status; rejects on a network error or after 5 s. */
  post(url: string, body: string, secret: string | null, timestampMs: number): Promise<number>;
  close(): void;
};

/** Twenty's headers, in its order; the three signature headers only when the webhook has a secret. */
export function deliveryHeaders(body: string, secret: string | null, timestampMs: number, legacy: boolean): Record<string, string> {
  return {
    Accept: 'application/json, text/plain, */*',
    'Content-Type': 'application/json',
    ...(secret ? signTwentyDelivery(secret, timestampMs, body) : {}),
    'User-Agent': legacy ? USER_AGENT.legacy : USER_AGENT.current,
    'Content-Length': String(Buffer.byteLength(body, 'utf8')),
    'Accept-Encoding': 'gzip, compress, deflate, br',
  };
}

export function postDelivery(opts: { legacy: boolean }): Transport {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    post(url, body, secret, timestampMs) {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const request = secure ? https.request : http.request;
      return new Promise<number>((resolve, reject) => {
        const req = request(
          target,
          { method: 'POST', headers: deliveryHeaders(body, secret, timestampMs, opts.legacy), agent: secure ? agents.https : agents.http, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
