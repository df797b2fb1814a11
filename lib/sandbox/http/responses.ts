// Twenty answers through Express: these headers come back on every captured response.
import type { SandboxResponse } from '@/lib/sandbox/http/types';

const TWENTY_HEADERS = { 'X-Powered-By': 'Express', 'Access-Control-Allow-Origin': '*' };

export function json(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): SandboxResponse {
  return { status, headers: { ...TWENTY_HEADERS, 'Content-Type': contentType }, body: JSON.stringify(body) };
}

/** Auth failures are written by Twenty's middleware, before GraphQL: HTTP 200, no `data`. */
export function authFailure(message: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): SandboxResponse {
  return json(200, { errors: [{ message, extensions: { code } }] }, 'application/json');
}

export function raw(status: number, body: string, contentType: string): SandboxResponse {
  return { status, headers: { ...TWENTY_HEADERS, 'Content-Type': contentType }, body };
}

export function preflight(): SandboxResponse {
  return {
    status: 204,
    headers: {
      ...TWENTY_HEADERS,
      'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'Access-Control-Allow-Headers': 'authorization,content-type,accept',
    },
    body: '',
  };
}
