// Bearer API key check with Twenty's answers: a key that is not a JWT fails with "No payload",
// a JWT-shaped key with a wrong signature with "Token invalid.", and a request without any
// Authorization header reaches a schema that has no workspace types.
import { timingSafeEqual } from 'node:crypto';

export type AuthResult = { kind: 'authorized'; keyIndex: number } | { kind: 'anonymous' } | { kind: 'rejected'; message: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function sameKey(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `apiKeys[0]` is the workspace's main key; keyIndex tells the request log which key called. */
export function authenticate(header: string | undefined, apiKeys: readonly string[]): AuthResult {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  const token = match?.[1]?.trim();
  if (!token) return { kind: 'anonymous' };
  const keyIndex = apiKeys.findIndex((key) => sameKey(token, key));
  if (keyIndex >= 0) return { kind: 'authorized', keyIndex };
  return { kind: 'rejected', message: JWT_SHAPE.test(token) ? 'Token invalid.' : 'No payload' };
}

/** Guard for the sandbox's own /__sandbox endpoints. */
export function hasApiKey(header: string | undefined, apiKeys: readonly string[]): boolean {
  return authenticate(header, apiKeys).kind === 'authorized';
}
