import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { installPeerAddressHook, peerHeaderTrusted } from '@/lib/http/peer-address';

test('the server hook stamps the socket address on every request, overwriting a spoofed header', async () => {
  installPeerAddressHook();
  installPeerAddressHook(); // idempotent
  expect(peerHeaderTrusted()).toBe(true);
  const server = createServer((req, res) => res.end(JSON.stringify(req.headers[PEER_HEADER] ?? null)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect(await (await fetch(url)).json()).toBe('127.0.0.1');
    expect(await (await fetch(url, { headers: { [PEER_HEADER]: '203.0.113.66', 'x-forwarded-for': '203.0.113.66' } })).json()).toBe('127.0.0.1');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
