import { EventEmitter } from 'node:events';
import { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { createAppServer } from '@/lib/http/app-server';

// The server in front of Next (issue 12, item 8): what it does to a request is its own, never a
// patch of Node's classes that every other server in the process would inherit.

test("Node's classes are left as they are: the stamp and the cap live in the app server alone", () => {
  createAppServer(async (_req, res) => void res.end(), { bodyLimits: { '/api/unlock': 1 }, onError: () => {} });
  expect(Server.prototype.emit).toBe(EventEmitter.prototype.emit);
  expect(IncomingMessage.prototype.push).toBe(Readable.prototype.push);
});

test('a request the handler fails on is answered 500 and reported', async () => {
  const failures: string[] = [];
  const server = createAppServer(async () => Promise.reject(new Error('boom')), {
    bodyLimits: {},
    onError: (error, request) => void failures.push(`${request.url} ${String(error)}`),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x?y=1`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal Server Error');
    expect(failures).toEqual(['/x?y=1 Error: boom']);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
