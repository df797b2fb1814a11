// Loads the byte-exact deliveries captured from a real Twenty v0.55 server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_FIXTURE_SECRET = 'fixture-webhook-secret-2026';
const REAL_DIR = join(process.cwd(), 'tests/fixtures/twenty/real');

export type CapturedDelivery = {
  name: string;
  method: string;
  headers: Headers;
  rawBody: Uint8Array;
  signed: boolean;
  timestamp: number;
};

/** Parses a raw HTTP/1.1 head (request line + CRLF-separated headers) into a Headers object. */
export function parseRawHead(head: string): { method: string; headers: Headers } {
  const [requestLine = '', ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    if (line === '') break;
    const colon = line.indexOf(':');
    headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return { method: requestLine.split(' ')[0] ?? '', headers };
}

export function loadCapturedDeliveries(): CapturedDelivery[] {
  const deliveries: CapturedDelivery[] = [];
  for (const folder of ['webhooks', 'webhooks-extra']) {
    const dir = join(REAL_DIR, folder);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.head.txt')).sort()) {
      const base = file.slice(0, -'.head.txt'.length);
      const { method, headers } = parseRawHead(readFileSync(join(dir, file), 'latin1'));
      const rawBody = new Uint8Array(readFileSync(join(dir, `${base}.body`)));
      const timestamp = Number(headers.get('x-twenty-webhook-timestamp') ?? Number.NaN);
      deliveries.push({ name: `${folder}/${base}`, method, headers, rawBody, signed: headers.has('x-twenty-webhook-signature'), timestamp });
    }
  }
  return deliveries;
}

export function readRealFixtureBody(folder: string, base: string): string {
  return readFileSync(join(REAL_DIR, folder, `${base}.body`), 'utf8');
}

const REAL_221_DIR = join(process.cwd(), 'tests/fixtures/twenty/real-2.21');

type CreatedWebhook = {
  request: { body: { variables: { i?: { secret?: string } } } };
  response: { body: { data: { createWebhook: { id: string; secret?: string } } } };
};

/** A webhook registered on the real 2.21 server: its id and secret (webhook-create-*.json). */
export function real221Webhook(name: 'app' | 'catcher' | 'nosecret' | 'fail-target'): { id: string; secret: string } {
  const created = JSON.parse(readFileSync(join(REAL_221_DIR, `webhook-create-${name}.json`), 'utf8')) as CreatedWebhook;
  const { id, secret } = created.response.body.data.createWebhook;
  return { id, secret: secret ?? created.request.body.variables.i?.secret ?? '' };
}

/** The byte-exact deliveries captured from a real Twenty 2.21 server, with the secret that signed each. */
export function loadCaptured221Deliveries(): (CapturedDelivery & { secret: string; target: string })[] {
  const secretOf: Record<string, string> = {
    '/hook': real221Webhook('catcher').secret,
    '/hook-nosecret': real221Webhook('nosecret').secret,
    '/hook-fail': real221Webhook('fail-target').secret,
  };
  const dir = join(REAL_221_DIR, 'webhooks');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.head.txt'))
    .sort()
    .map((file) => {
      const base = file.slice(0, -'.head.txt'.length);
      const head = readFileSync(join(dir, file), 'latin1');
      const target = head.split(' ')[1] ?? '';
      const secret = secretOf[target] ?? '';
      const { method, headers } = parseRawHead(head);
      const rawBody = new Uint8Array(readFileSync(join(dir, `${base}.body`)));
      const timestamp = Number(headers.get('x-twenty-webhook-timestamp') ?? Number.NaN);
      return { name: `real-2.21/${base}`, method, headers, rawBody, signed: headers.has('x-twenty-webhook-signature'), timestamp, secret, target };
    });
}
