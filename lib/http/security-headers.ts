// Headers every response carries, and the Content-Security-Policy of pages. Next 16 renders its
// bootstrap and RSC payload as inline scripts; it stamps them with the nonce it finds in the
// request's CSP header, so pages get a fresh nonce per request instead of 'unsafe-inline'
// for scripts. Styles keep 'unsafe-inline': charts set style attributes, which nonces cannot cover.

export type ResponseKind = 'page' | 'api' | 'asset';

const BASE: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const HSTS = 'max-age=31536000; includeSubDomains';
/** JSON and SSE are data, never documents: nothing may run or frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** A page's policy; `frameAncestors` is the full directive decided per surface (embed: per dashboard). */
export function pageCsp(nonce: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    frameAncestors,
  ].join('; ');
}

/** `https`: viewers reach the app over TLS, as lib/http/transport.ts decides (never from client headers). */
export function securityHeaders(kind: ResponseKind, https: boolean): Record<string, string> {
  const headers: Record<string, string> = { ...BASE };
  if (https) headers['strict-transport-security'] = HSTS;
  if (kind === 'api') headers['content-security-policy'] = API_CSP;
  return headers;
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Joins CSP strings, the first one's directive winning when a name repeats (a page's own frame-ancestors). */
export function mergeCsp(...policies: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const directive of policies.flatMap((p) => p.split(';'))) {
    const trimmed = directive.trim();
    const name = trimmed.split(/\s+/)[0]?.toLowerCase();
    if (!trimmed || !name || seen.has(name)) continue;
    seen.add(name);
    out.push(trimmed);
  }
  return out.join('; ');
}
