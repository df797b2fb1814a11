import { Server } from 'node:http';
import { PEER_HEADER } from '@/lib/edge/client-ip';

// Next's route handlers and proxy never see the socket, and the X-Forwarded-For it passes on is
// the client's own when the client sent one. This hook stamps the socket's address on each
// request as the server receives it, replacing any value a client supplied, so per-client limits
// cannot be dodged by typing a header. Installed once, at startup, in the Node server process.

const INSTALLED = Symbol.for('pipeline-wall.peer-address-hook');
type Holder = { [INSTALLED]?: boolean };

type RequestLike = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

function isRequestLike(value: unknown): value is RequestLike {
  return typeof value === 'object' && value !== null && 'headers' in value && typeof value.headers === 'object' && value.headers !== null;
}

export function installPeerAddressHook(): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const original = Server.prototype.emit;
  Server.prototype.emit = function emit(this: Server, event: string, ...args: unknown[]): boolean {
    const request = args[0];
    if (event === 'request' && isRequestLike(request)) {
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? 'unknown';
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  };
}

/** Whether the header can be believed: only once the hook stamps every request. */
export function peerHeaderTrusted(): boolean {
  return (globalThis as Holder)[INSTALLED] === true;
}
