import type { IncomingMessage } from 'node:http';

// A cap on request bodies where the bytes arrive, for the routes that read one (unlock, webhook).
// Next hands a route its body as a web stream fed from the socket as fast as data comes, with no
// backpressure: a route that refuses a large body without reading it still has Next buffer all of
// it. Here, once a body is known to be too large (declared Content-Length over the cap, or counted
// past it while it streams), no further byte reaches the app: the rest is read off the wire and
// dropped. The route sees the declared length, or one chunk past the cap, and answers 413.
// The stream is deliberately not ended early: Node destroys the socket of a request whose stream
// is finished before the body is, and the client would get a reset instead of the 413.

/** Route path → the most body bytes it accepts. */
export type BodyLimits = Readonly<Record<string, number>>;

export function bodyLimitOf(limits: BodyLimits, method: string | undefined, url: string | undefined): number | undefined {
  if (method !== 'POST' || !url) return undefined;
  const path = url.split('?')[0]?.replace(/\/+$/, '') ?? '';
  return Object.hasOwn(limits, path) ? limits[path] : undefined;
}

type Push = (chunk: unknown, encoding?: BufferEncoding) => boolean;

export function limitRequestBody(request: IncomingMessage, maxBytes: number): void {
  const push: Push = request.push.bind(request);
  const declared = request.headers['content-length'];
  let dropping = declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes;
  let seen = 0;
  // The HTTP parser delivers the body through push(); returning true keeps it reading.
  request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null || chunk === undefined) return push(chunk); // the body's real end
    if (dropping) return true;
    seen += chunk instanceof Uint8Array ? chunk.byteLength : String(chunk).length;
    dropping = seen > maxBytes;
    const more = push(chunk, encoding);
    return dropping || more;
  };
}
