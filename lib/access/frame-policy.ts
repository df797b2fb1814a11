// Who may put our pages in a frame. Only /embed can be framed, and only by the dashboard's
// allowedOrigins (read from the config at run time, so no rebuild is needed to add a site);
// every other surface refuses all framing. X-Frame-Options has no allow-list form (ALLOWALL is
// not a value), so embeds rely on CSP alone and the rest send both headers.

export type FrameHeaders = Record<string, string>;

const ORIGIN = /^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/;

/** `frame-ancestors` sources for an embed; an empty list means this app only ('self'). */
export function frameAncestors(allowedOrigins: readonly string[]): string {
  const sources = allowedOrigins.filter((o) => ORIGIN.test(o));
  if (sources.includes('*')) return "frame-ancestors 'self' *";
  return ["frame-ancestors 'self'", ...new Set(sources)].join(' ');
}

export function embedFrameHeaders(allowedOrigins: readonly string[]): FrameHeaders {
  return { 'content-security-policy': frameAncestors(allowedOrigins) };
}

export function noFrameHeaders(): FrameHeaders {
  return { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' };
}
