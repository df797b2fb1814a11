// Who is calling: the workspace's credentials (API keys with their role, CRM user sessions) and
// Twenty's answers when the Bearer token is none of them, per version (real/auth-error.json for
// v0.55, real-2.21/auth for 2.21). Revoking a key (`revokeApiKey` on /metadata) keeps it known,
// so its calls get "This API Key is revoked" instead of "Token invalid.".
import { timingSafeEqual } from 'node:crypto';
import type { TwentyVersion } from '@/sandbox/options';
import { randomUuid, seededRandom } from '@/sandbox/records/random';

export type Principal = {
  kind: 'apiKey' | 'user';
  /** The README's read-only role: no writes, no people. */
  readOnly: boolean;
  /** Position in the configured credentials (the request log's key0, key1, …). */
  keyIndex: number;
  /** The API key's record id (what `revokeApiKey` names). */
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
};

export type AuthResult =
  | { kind: 'authorized'; principal: Principal }
  | { kind: 'anonymous' }
  | { kind: 'rejected'; reason: 'malformed' | 'invalid' | 'revoked' };

export type CredentialOptions = { apiKey: string; extraApiKeys: string[]; readOnlyApiKeys: string[]; userTokens: string[]; seed: number };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const KEY_LIFETIME_MS = 365 * 86_400_000;

function sameKey(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class Credentials {
  private readonly entries: { token: string; principal: Principal }[];

  constructor(opts: CredentialOptions, createdAt = new Date()) {
    const ids = seededRandom(opts.seed ^ 0x0a91);
    const at = createdAt.toISOString();
    const make = (kind: Principal['kind'], readOnly: boolean, name: string) => (token: string) => ({
      token,
      principal: { kind, readOnly, keyIndex: 0, id: randomUuid(ids), name, createdAt: at, revokedAt: null },
    });
    this.entries = [
      ...[opts.apiKey, ...opts.extraApiKeys].map(make('apiKey', false, 'Pipeline Wall demo key')),
      ...opts.readOnlyApiKeys.map(make('apiKey', true, 'Read-only key')),
      ...opts.userTokens.map(make('user', false, 'User session')),
    ];
    this.entries.forEach((e, i) => (e.principal.keyIndex = i));
  }

  /** The first API key's record id (the spender a 2.x rate-limit answer names). */
  get mainKeyId(): string {
    return this.entries[0]?.principal.id ?? '';
  }

  authenticate(header: string | undefined): AuthResult {
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    if (!token) return { kind: 'anonymous' };
    const found = this.entries.find((e) => sameKey(token, e.token));
    if (!found) return { kind: 'rejected', reason: JWT_SHAPE.test(token) ? 'invalid' : 'malformed' };
    if (found.principal.revokedAt !== null) return { kind: 'rejected', reason: 'revoked' };
    return { kind: 'authorized', principal: found.principal };
  }

  /** The principal a token stands for, revoked or not. */
  principalOf(token: string): Principal | undefined {
    return this.entries.find((e) => sameKey(token, e.token))?.principal;
  }

  /** Marks an API key revoked; null when no API key has that id. */
  revoke(id: string, now = new Date()): (Principal & { expiresAt: string }) | null {
    const found = this.entries.find((e) => e.principal.kind === 'apiKey' && e.principal.id === id);
    if (!found) return null;
    found.principal.revokedAt ??= now.toISOString();
    return { ...found.principal, expiresAt: new Date(Date.parse(found.principal.createdAt) + KEY_LIFETIME_MS).toISOString() };
  }

  /** Guard for the sandbox's own /__sandbox endpoints. */
  isValid(header: string | undefined): boolean {
    return this.authenticate(header).kind === 'authorized';
  }
}

export type AuthError = { message: string; extensions: Record<string, unknown> };

/** The error Twenty's auth middleware writes for a rejected token (always HTTP 200, no `data`). */
export function rejectionError(reason: 'malformed' | 'invalid' | 'revoked', version: TwentyVersion): AuthError {
  if (reason === 'revoked') {
    return version === '2.21'
      ? { message: 'This API Key is revoked', extensions: { subCode: 'FORBIDDEN_EXCEPTION', userFriendlyMessage: { id: 'q5OVn+', message: 'You do not have permission to perform this action.' }, code: 'FORBIDDEN' } }
      : { message: 'This API Key is revoked', extensions: { code: 'FORBIDDEN' } };
  }
  if (version === '0.55') return { message: reason === 'malformed' ? 'No payload' : 'Token invalid.', extensions: { code: 'UNAUTHENTICATED' } };
  return {
    message: 'Token invalid.',
    extensions: { userFriendlyMessage: { id: 'z+7x/s', message: 'You must be authenticated to perform this action.' }, subCode: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED' },
  };
}
