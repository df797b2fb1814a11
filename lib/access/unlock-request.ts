// What POST /api/unlock accepts before it looks at a passcode, framework-free so it is tested
// directly: only same-site requests (a cross-site form must not get a session cookie), only a form
// or JSON, and only a small body, refused before it is read (a passcode form is well under 1 KB).

export const MAX_UNLOCK_BYTES = 8 * 1024;

export type UnlockMediaType = 'form' | 'multipart' | 'json';

export type RequestRefusal = { status: 400 | 403 | 413 | 415; error: 'cross_site_request' | 'body_too_large' | 'unsupported_media_type' | 'bad_request' };

export type OriginPolicy = {
  /** PUBLIC_BASE_URL: when set, the only origin a browser may post from. */
  publicBaseUrl: string | undefined;
  /** TRUST_PROXY=1: the proxy's X-Forwarded-Host and -Proto say what the visitor typed. */
  trustProxy: boolean;
};

const firstOf = (value: string | null) => value?.split(',')[0]?.trim() || null;

/**
 * The request's own origin, as far as it is known. The scheme is known only from a trusted
 * proxy (next start itself speaks plain http, whatever the visitor used), so without one only
 * the host is compared.
 */
function ownOrigin(headers: Headers, policy: OriginPolicy): { host: string | null; protocol: string | null } {
  const host = (policy.trustProxy ? firstOf(headers.get('x-forwarded-host')) : null) ?? headers.get('host');
  const proto = policy.trustProxy ? firstOf(headers.get('x-forwarded-proto')) : null;
  return { host: host?.toLowerCase() ?? null, protocol: proto ? `${proto.toLowerCase()}:` : null };
}

/** 403 for a cross-site request: `Sec-Fetch-Site: cross-site`, or an Origin that is not ours. */
export function checkSameOrigin(headers: Headers, policy: OriginPolicy): RequestRefusal | null {
  const refusal: RequestRefusal = { status: 403, error: 'cross_site_request' };
  if (headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return refusal;
  const origin = headers.get('origin');
  if (origin === null) return null;
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    return refusal; // "null" (a sandboxed frame, a redirect chain) or garbage
  }
  if (policy.publicBaseUrl) return sent.origin === new URL(policy.publicBaseUrl).origin ? null : refusal;
  const own = ownOrigin(headers, policy);
  if (!own.host || sent.host !== own.host) return refusal;
  return own.protocol && sent.protocol !== own.protocol ? refusal : null;
}

/** The media type of a Content-Type header (its parameters never decide it); null when not accepted. */
export function unlockMediaType(contentType: string | null): UnlockMediaType | null {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  if (essence === 'application/json') return 'json';
  return null;
}

/** The body's bytes, or 413 as soon as it is known to be too large (declared, or while it streams). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; refusal: RequestRefusal }> {
  const tooLarge = { ok: false as const, refusal: { status: 413 as const, error: 'body_too_large' as const } };
  const declared = request.headers.get('content-length')?.trim();
  if (declared !== undefined) {
    if (!/^\d+$/.test(declared)) return { ok: false, refusal: { status: 400, error: 'bad_request' } };
    if (Number(declared) > maxBytes) return tooLarge;
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The fields of an accepted body, or null when it is not what its media type says. */
export async function parseUnlockFields(bytes: Uint8Array<ArrayBuffer>, type: UnlockMediaType, contentType: string): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (type === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }
  if (type === 'form') return Object.fromEntries(new URLSearchParams(text));
  try {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) {
      if (typeof value !== 'string') return null; // a file has no business in a passcode form
      fields[name] = value;
    }
    return fields;
  } catch {
    return null;
  }
}
