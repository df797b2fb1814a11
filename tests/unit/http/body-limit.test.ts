import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAppServer } from '@/lib/http/app-server';
import { bodyLimitOf } from '@/lib/http/body-limit';
import { readCappedBody } from '@/lib/access/unlock-request';
import { postUntilAnswered } from '@/tests/e2e/support/raw-http';

// The body cap where bytes arrive (issue 11, item 2): the app's server (lib/http/app-server.ts)
// with a handler that passes the body on the way Next does (a web stream fed by `for await` over
// the socket, no backpressure) to the unlock route's own reader. A large body must get its 413 before it is all sent, the app
// must never hold more than the cap plus a chunk, and the answer must arrive (no reset).

const CAP = 8 * 1024;
const MB = 1024 * 1024;
let url = '';
let delivered = 0;
const server = createAppServer(handle, { bodyLimits: { '/api/unlock': CAP }, onError: () => {} });

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  delivered = 0;
  // As next/dist/server/body-streams.js requestToBodyStream does.
  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      for await (const chunk of req) {
        delivered += (chunk as Buffer).byteLength;
        controller.enqueue(new Uint8Array(chunk as Buffer));
      }
      controller.close();
    },
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  if (!req.url?.startsWith('/api/unlock')) {
    // A route without a cap: everything it is sent reaches it.
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    res.end(String(bytes.byteLength));
    return;
  }
  const read = await readCappedBody(new Request(`http://wall.test${req.url}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit), CAP);
  res.writeHead(read.ok ? 200 : read.refusal.status, { 'content-type': 'text/plain' });
  res.end(read.ok ? String(read.bytes.byteLength) : read.refusal.error);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/unlock`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const chunk = Buffer.alloc(64 * 1024, 'a');

test('a declared Content-Length over the cap: 413 while the client is still sending, nothing buffered', async () => {
  const answer = await postUntilAnswered(url, { headers: {}, chunk, declaredLength: 64 * MB, maxBytes: 64 * MB });
  expect(answer).toMatchObject({ status: 413, body: 'body_too_large' });
  expect(answer.bytesSent).toBeLessThan(64 * MB);
  expect(delivered).toBe(0);
});

test('a streamed body with no length: 413 once it passes the cap, at most one chunk past it held', async () => {
  const answer = await postUntilAnswered(url, { headers: {}, chunk, maxBytes: 64 * MB });
  expect(answer).toMatchObject({ status: 413, body: 'body_too_large' });
  expect(answer.bytesSent).toBeLessThan(64 * MB);
  expect(delivered).toBeLessThanOrEqual(CAP + chunk.byteLength);
});

test('a body within the cap reaches the route whole', async () => {
  const form = 'slug=board&passcode=open-sesame-42';
  const response = await fetch(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe(String(form.length));
});

test('a body to a path without a cap reaches its route whole, past the cap of another', async () => {
  const response = await fetch(url.replace('/api/unlock', '/api/other'), { method: 'POST', body: Buffer.alloc(4 * CAP, 'b') });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe(String(4 * CAP));
  expect(delivered).toBe(4 * CAP);
});

test('only POSTs to the listed paths are capped', () => {
  const limits = { '/api/unlock': CAP };
  expect(bodyLimitOf(limits, 'POST', '/api/unlock?x=1')).toBe(CAP);
  expect(bodyLimitOf(limits, 'POST', '/api/unlock/')).toBe(CAP);
  expect(bodyLimitOf(limits, 'GET', '/api/unlock')).toBeUndefined();
  expect(bodyLimitOf(limits, 'POST', '/api/unlocks')).toBeUndefined();
  expect(bodyLimitOf(limits, 'POST', '/constructor')).toBeUndefined();
});
