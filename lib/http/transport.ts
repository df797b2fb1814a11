// Whether viewers reach this app over https: decides the session cookie's Secure flag and HSTS.
// Never from what a client typed (Host, X-Forwarded-Host, X-Forwarded-Proto are whatever the
// client sends unless a proxy we trust overwrites them). PUBLIC_BASE_URL, when set, is the
// operator's word; behind a trusted proxy (TRUST_PROXY=1) the proxy's X-Forwarded-Proto is;
// otherwise nothing says https, so neither is sent.

export type TransportSettings = {
  /** PUBLIC_BASE_URL when set. */
  publicBaseUrl?: string | undefined;
  trustProxy: boolean;
};

/** The scheme the trusted proxy saw: the last X-Forwarded-Proto entry (its own, appended or set). */
function forwardedProto(headers: Headers): string | undefined {
  const hops = (headers.get('x-forwarded-proto') ?? '').split(',');
  return hops[hops.length - 1]?.trim().toLowerCase() || undefined;
}

export function servedOverHttps(settings: TransportSettings, headers: Headers): boolean {
  if (settings.publicBaseUrl !== undefined) return new URL(settings.publicBaseUrl).protocol === 'https:';
  if (settings.trustProxy) return forwardedProto(headers) === 'https';
  return false;
}
