// Twenty answers through Express: these headers come back on every captured response.
import type { AuthError } from '@/sandbox/http/auth';
import type { SandboxResponse } from '@/sandbox/http/types';

const TWENTY_HEADERS = { 'X-Powered-By': 'Express', 'Access-Control-Allow-Origin': '*' };

export function json(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): SandboxResponse {
  return { status, headers: { ...TWENTY_HEADERS, 'Content-Type': contentType }, body: JSON.stringify(body) };
}

/** Auth failures are written by Twenty's middleware, before GraphQL: HTTP 200, no `data`. */
export function authFailure(error: AuthError): SandboxResponse {
  return json(200, { errors: [error] }, 'application/json');
}

/** 2.21's /metadata without an Authorization header: the guard's Nest exception, through GraphQL. */
export function forbiddenResource(): SandboxResponse {
  const response = { message: 'Forbidden resource', error: 'Forbidden', statusCode: 403 };
  return json(200, { errors: [{ message: 'Forbidden resource', extensions: { code: 'FORBIDDEN', response, userFriendlyMessage: 'An error occurred.' } }], data: null });
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
