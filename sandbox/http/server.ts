// node:http glue: read the body, route to a handler, write what it answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { json, preflight } from '@/sandbox/http/responses';
import type { Handler, SandboxRequest } from '@/sandbox/http/types';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export type Routes = { graphql: Handler; metadata: Handler; admin: Handler };

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function route(routes: Routes, method: string, path: string): Handler | null {
  if (path.startsWith('/__sandbox/')) return routes.admin;
  if (method !== 'POST') return null;
  if (path === '/graphql') return routes.graphql;
  if (path === '/metadata') return routes.metadata;
  return null;
}

async function handle(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
  if (method === 'OPTIONS') return write(res, preflight());
  const handler = route(routes, method, path);
  const body = await readBody(req);
  if (body === null) return write(res, json(413, { errors: [{ message: 'Request entity too large' }] }));
  if (!handler) return write(res, json(404, { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' }));
  const request: SandboxRequest = { method, path, headers: req.headers, body };
  write(res, await handler(request));
}

function write(res: ServerResponse, response: Awaited<ReturnType<Handler>>): void {
  if ('destroySocket' in response) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

export function createSandboxServer(routes: Routes): Server {
  return createServer((req, res) => {
    handle(routes, req, res).catch((error: unknown) => {
      console.error('sandbox: unhandled error', error);
      if (!res.headersSent) write(res, json(500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.end();
    });
  });
}
