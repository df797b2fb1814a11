import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

// HTTP the way an attacker or a bare client speaks it, for the trust tests: a live stream read
// chunk by chunk, and a POST whose body is still being sent when the answer comes back.

export type LiveStream = {
  status: number;
  /** Everything received so far. */
  text(): string;
  /** Resolves when the server ends the stream (never when we do). */
  ended: Promise<void>;
  /** Resolves once `check(text)` holds, or rejects when the stream ends before it does. */
  until(check: (text: string) => boolean): Promise<string>;
  close(): void;
};

export async function openStream(url: string, headers: Record<string, string> = {}): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream', ...headers } });
  let text = '';
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  let finished = false;
  const reader = response.body?.getReader();
  const ended = (async () => {
    if (!reader) return;
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        notify();
      }
    } catch {
      // aborted by us, or reset by the server
    } finally {
      finished = true;
      notify();
    }
  })();
  return {
    status: response.status,
    text: () => text,
    ended,
    until: (check) =>
      new Promise<string>((resolve, reject) => {
        const look = () => {
          if (check(text)) {
            waiters.delete(look);
            resolve(text);
          } else if (finished) {
            waiters.delete(look);
            reject(new Error(`stream ended before the condition held:\n${text.slice(-500)}`));
          }
        };
        waiters.add(look);
        look();
      }),
    close: () => abort.abort(),
  };
}

export type EarlyAnswer = { status: number; body: string; bytesSent: number };

/**
 * POSTs `chunk` again and again (declaring `declaredLength`, or chunked when it is undefined)
 * until the server answers or `maxBytes` are sent, and reports how much went out before the answer.
 */
export function postUntilAnswered(
  url: string,
  opts: { headers: Record<string, string>; chunk: Buffer; declaredLength?: number; maxBytes: number },
): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.declaredLength !== undefined) headers['content-length'] = String(opts.declaredLength);
    const req = httpRequest(url, { method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      const before = bytesSent;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, bytesSent: before });
        req.destroy();
      });
    });
    // The server may close the connection while we are still sending: that is the point.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && bytesSent < opts.maxBytes) {
        bytesSent += opts.chunk.byteLength;
        if (!req.write(opts.chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/**
 * A flood as an attacker sends it: a raw socket that writes the whole body (`totalBytes`, declared
 * or chunked) whatever the server answers, and reads the status line of the answer.
 */
export function floodPost(url: string, opts: { headers: Record<string, string>; totalBytes: number; declared: boolean }): Promise<{ status: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const head = [`POST ${pathname} HTTP/1.1`, `host: ${hostname}:${port}`, ...Object.entries(opts.headers).map(([k, v]) => `${k}: ${v}`)];
    head.push(opts.declared ? `content-length: ${opts.totalBytes}` : 'transfer-encoding: chunked');
    const piece = Buffer.alloc(256 * 1024, 'a');
    const framed = opts.declared ? piece : Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    let status = 0;
    let sent = 0;
    let finished = false;
    let received = '';
    const settle = () => {
      if (!finished || !status) return;
      socket.end();
      resolve({ status });
    };
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      status ||= Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      settle();
    });
    socket.on('error', reject);
    const pump = () => {
      while (sent < opts.totalBytes) {
        sent += piece.byteLength;
        if (!socket.write(framed)) return void socket.once('drain', pump);
      }
      socket.write(opts.declared ? '' : '0\r\n\r\n', () => {
        finished = true;
        settle();
      });
    };
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    pump();
  });
}
