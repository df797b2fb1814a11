import type { IncomingMessage } from 'node:http';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { processWide } from '@/lib/server/process-wide';

// Next's route handlers and proxy never see the socket, and the X-Forwarded-For it passes on is
// the client's own when the client sent one. So the app's server (app-server.ts) stamps the
// socket's address on each request before Next sees it, replacing any value a client supplied,
// and per-client limits cannot be dodged by typing a header. The header is believed only in a
// process whose server stamps every request: not under `next dev`, which has no such server.
// Process-wide: the server entry sets it, the edge in Next's module graphs reads it.

const peerHeader = () => processWide('peer-header', () => ({ stamped: false }));

export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? 'unknown';
}

/** Declares that this process's server stamps every request (app-server.ts, once, at creation). */
export function markPeerHeaderStamped(): void {
  peerHeader().stamped = true;
}

/** Whether the header can be believed. */
export function peerHeaderTrusted(): boolean {
  return peerHeader().stamped;
}
