import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { createAppServer } from '@/lib/http/app-server';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { peerHeaderTrusted } from '@/lib/http/peer-address';

test('the app server stamps the socket address on every request, overwriting a spoofed header', async () => {
  expect(peerHeaderTrusted()).toBe(false); // no server stamps this process's requests yet
  const server = createAppServer(async (req, res) => void res.end(JSON.stringify(req.headers[PEER_HEADER] ?? null)), {
    bodyLimits: {},
    onError: (error) => {
      throw error;
    },
  });
  expect(peerHeaderTrusted()).toBe(true);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect(await (await fetch(url)).json()).toBe('127.0.0.1');
    expect(await (await fetch(url, { headers: { [PEER_HEADER]: '203.0.113.66', 'x-forwarded-for': '203.0.113.66' } })).json()).toBe('127.0.0.1');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
