import { IncomingMessage, Server } from 'node:http';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { bodyLimitOf, limitRequestBody, type BodyLimits } from '@/lib/http/body-limit';

// Next's route handlers and proxy never see the socket, and the X-Forwarded-For it passes on is
// the client's own when the client sent one. This hook stamps the socket's address on each
// request as the server receives it, replacing any value a client supplied, so per-client limits
// cannot be dodged by typing a header. It also caps the bodies of the routes that read one
// (body-limit.ts). Installed once, at startup, in the Node server process.

const INSTALLED = Symbol.for('pipeline-wall.peer-address-hook');
type Holder = { [INSTALLED]?: boolean };

export function installPeerAddressHook(opts: { bodyLimits?: BodyLimits } = {}): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const bodyLimits = opts.bodyLimits ?? {};
  const original = Server.prototype.emit;
  Server.prototype.emit = function emit(this: Server, event: string, ...args: unknown[]): boolean {
    const request = args[0];
    if (event === 'request' && request instanceof IncomingMessage) {
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? 'unknown';
      const limit = bodyLimitOf(bodyLimits, request.method, request.url);
      if (limit !== undefined) limitRequestBody(request, limit);
    }
    return Reflect.apply(original, this, [event, ...args]) as boolean;
  };
}

/** Whether the header can be believed: only once the hook stamps every request. */
export function peerHeaderTrusted(): boolean {
  return (globalThis as Holder)[INSTALLED] === true;
}
