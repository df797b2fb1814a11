import { isIP } from 'node:net';

// Who is asking, for per-client limits. Without a trusted proxy the socket's address is the only
// fact (X-Forwarded-For is whatever the client typed); behind one (TRUST_PROXY=1) the proxy's
// last X-Forwarded-For entry is the address it saw. IPv6 clients are keyed by their /64, which
// one host controls as a whole, so rotating through it buys nothing.

/** Set on every request by the server hook (peer-address.ts), overwriting anything a client sent. */
export const PEER_HEADER = 'x-pipeline-wall-peer';

function normalise(address: string): string | null {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const ip = mapped?.[1] ?? trimmed;
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return null;
  return `${expandV6(ip).slice(0, 4).join(':')}::/64`;
}

function expandV6(ip: string): string[] {
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((part) => part.replace(/^0+(?=.)/, ''));
}

export type ClientKeyOptions = { trustProxy: boolean; peerHeaderTrusted: boolean };

/** A stable key for the client, or "unknown" (which then shares one bucket). */
export function clientKeyOf(headers: Headers, opts: ClientKeyOptions): string {
  if (opts.trustProxy) {
    const hops = (headers.get('x-forwarded-for') ?? '').split(',');
    const last = normalise(hops[hops.length - 1] ?? '');
    if (last) return last;
  }
  const peer = opts.peerHeaderTrusted ? headers.get(PEER_HEADER) : null;
  if (peer) return normalise(peer) ?? 'unknown';
  // No socket fact (dev server without the hook): Next fills X-Forwarded-For with the socket
  // address only when the client did not send one, so this is a best effort.
  const hops = (headers.get('x-forwarded-for') ?? '').split(',');
  return normalise(hops[hops.length - 1] ?? '') ?? 'unknown';
}
