// Shared by the webhook conformance tests: the captured deliveries of both real servers, a catcher
// that records what the demo workspace sends (raw header order included), and the normal form the
// two are compared in (values that cannot repeat — ids of the workspace, times — are masked).
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type Delivery = { path: string; headers: [string, string][]; rawBody: string; body: Record<string, unknown> };

const REAL_2_21 = join(process.cwd(), 'tests/fixtures/twenty/real-2.21/webhooks');
const REAL_0_55 = join(process.cwd(), 'tests/fixtures/twenty/real/webhooks');

/** Secrets of the captured webhooks, by path (real-2.21/README.md and webhook-create-*.json). */
export const CAPTURED_SECRETS_2_21: Record<string, string> = {
  '/hook': 'pw-real-webhook-secret-2121',
  '/hook-nosecret': 'cf35c0be9754f062b0110b25197f94e5ce86c612a770f93634171232e20c3cef',
  '/hook-fail': 'fail-secret-123',
};
export const CAPTURED_SECRET_0_55 = 'fixture-webhook-secret-2026';

type Capture2 = { request_line: string; headers: [string, string][]; body: Record<string, unknown> };

/** real-2.21/webhooks/NNN-event.json: the raw body is the compact serialisation of `body` (signature-verification.json). */
export function captured221(name: string): Delivery {
  const file = JSON.parse(readFileSync(join(REAL_2_21, `${name}.json`), 'utf8')) as Capture2;
  return { path: file.request_line.split(' ')[1] ?? '', headers: file.headers, rawBody: JSON.stringify(file.body), body: file.body };
}

export function captures221(): string[] {
  return readdirSync(REAL_2_21).filter((f) => /^\d{3}-.*\.json$/.test(f)).map((f) => f.slice(0, -'.json'.length)).sort();
}

/** real/webhooks/NNN-event.{head.txt,body}: byte-exact head and body. */
export function captured055(name: string): Delivery {
  const head = readFileSync(join(REAL_0_55, `${name}.head.txt`), 'latin1');
  const rawBody = readFileSync(join(REAL_0_55, `${name}.body`), 'utf8');
  const headers: [string, string][] = [];
  for (const line of head.split('\r\n').slice(1)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { path: head.split(' ')[1] ?? '', headers, rawBody, body: JSON.parse(rawBody) as Record<string, unknown> };
}

/** A local target: records every request; `/hook-fail` answers 500 like the captured failing target. */
export async function startCatcher(): Promise<{ base: string; received: Delivery[]; close(): Promise<void> }> {
  const received: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const headers: [string, string][] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
      received.push({ path: req.url ?? '', headers, rawBody, body: JSON.parse(rawBody) as Record<string, unknown> });
      res.statusCode = req.url === '/hook-fail' ? 500 : 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const VOLATILE_TIMES = new Set(['eventDate', 'createdAt', 'updatedAt', 'deletedAt']);
const VOLATILE_IDS = new Set(['workspaceId', 'webhookId']);

/** Masks what cannot repeat (times, the workspace's and webhook's ids, the host) and keeps key order and types. */
export function normalForm(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalForm(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = key === 'objectMetadata' && k === 'id' ? '<uuid>' : normalForm(v, k);
    return out;
  }
  if (typeof value === 'string' && VOLATILE_TIMES.has(key) && ISO.test(value)) return '<iso>';
  if (typeof value === 'string' && VOLATILE_IDS.has(key)) return '<uuid>';
  if (typeof value === 'string' && key === 'targetUrl') return new URL(value).pathname;
  return value;
}

/** Header names in order, with the values that must match exactly; the rest by form. */
export function headerForm(headers: [string, string][]): [string, string][] {
  const exact = new Set(['accept', 'content-type', 'user-agent', 'accept-encoding', 'connection']);
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (exact.has(lower)) return [name, value];
    if (lower === 'x-twenty-webhook-timestamp') return [name, /^\d{13}$/.test(value) ? '<ms>' : value];
    if (lower === 'x-twenty-webhook-signature') return [name, /^[0-9a-f]{64}$/.test(value) ? '<hex64>' : value];
    if (lower === 'x-twenty-webhook-nonce') return [name, /^[0-9a-f]{32}$/.test(value) ? '<hex32>' : value];
    if (lower === 'content-length') return [name, '<length>'];
    return [name, '<host>'];
  });
}

export const header = (delivery: Delivery, name: string) => delivery.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** Twenty's scheme: lowercase hex HMAC-SHA256 over `${timestamp}:${raw body}`, keyed with the secret string. */
export function signatureOf(secret: string, delivery: Delivery): string {
  return createHmac('sha256', secret).update(`${header(delivery, 'X-Twenty-Webhook-Timestamp') ?? ''}:${delivery.rawBody}`, 'utf8').digest('hex');
}
