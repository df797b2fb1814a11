import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CannedAnswer = { status?: number; headers?: Record<string, string>; body?: unknown; raw?: string; hang?: boolean };
export type ReceivedRequest = { path: string; headers: IncomingHttpHeaders; body: { query?: string; variables?: Record<string, unknown> } };

/** A real HTTP server on 127.0.0.1 (random port) that answers whatever the test says. */
export async function startCannedServer(answer: (request: ReceivedRequest) => CannedAnswer) {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const request: ReceivedRequest = { path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : {} };
      received.push(request);
      const a = answer(request);
      if (a.hang) return;
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...(a.headers ?? {}) });
      res.end(a.raw ?? JSON.stringify(a.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
