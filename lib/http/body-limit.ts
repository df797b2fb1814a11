import { IncomingMessage } from 'node:http';

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

/**
 * The request class of the app's server (Node's `IncomingMessage` option of createServer, meant
 * for extending it): Node's HTTP parser delivers a body through `push()`, so a subclass sees every
 * chunk before any reader does, without touching Node's own classes.
 */
export class BodyCappedRequest extends IncomingMessage {
  #maxBytes = Number.POSITIVE_INFINITY;
  #seen = 0;
  #dropping = false;

  /** Caps this request's body. Call it in the request listener, before the first chunk arrives. */
  capBody(maxBytes: number): void {
    const declared = this.headers['content-length'];
    this.#maxBytes = maxBytes;
    this.#dropping = declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes;
  }

  // Returning true keeps the parser reading: a dropped body is drained, never held.
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null || chunk === undefined) return super.push(chunk); // the body's real end
    if (this.#maxBytes === Number.POSITIVE_INFINITY) return super.push(chunk, encoding);
    if (this.#dropping) return true;
    this.#seen += chunk instanceof Uint8Array ? chunk.byteLength : String(chunk).length;
    this.#dropping = this.#seen > this.#maxBytes;
    const more = super.push(chunk, encoding);
    return this.#dropping || more;
  }
}
