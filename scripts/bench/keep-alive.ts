import { connect, type Socket } from 'node:net';

// A lean HTTP/1.1 GET loop over keep-alive sockets, for scripts/bench/json.ts. Node's own client
// spends more CPU per request than the app does on a static file; on a shared 2-core machine that
// would be measuring the generator. This one writes a fixed request and only finds where each
// answer ends (Content-Length or chunked). Loopback only.

export type LoopResult = { requests: number; seconds: number; statuses: Record<string, number>; bytes: number };

type Parse = { status: number; need: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'last-crlf'; left: number };

const CRLF2 = Buffer.from('\r\n\r\n');

/** Reads answers off one socket; `onAnswer(status, bodyBytes)` fires once per complete answer. */
function answerReader(onAnswer: (status: number, bytes: number) => void) {
  let buf: Buffer = Buffer.alloc(0);
  let bodyBytes = 0;
  const state: Parse = { status: 0, need: 'head', left: 0 };
  const done = () => {
    onAnswer(state.status, bodyBytes);
    Object.assign(state, { status: 0, need: 'head', left: 0 });
    bodyBytes = 0;
  };
  return (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      if (state.need === 'head') {
        const end = buf.indexOf(CRLF2);
        if (end < 0) return;
        const head = buf.toString('latin1', 0, end);
        buf = buf.subarray(end + 4);
        state.status = Number(head.slice(9, 12));
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) state.need = 'chunk-size';
        else if (length || state.status === 304 || state.status === 204) {
          state.need = 'length';
          state.left = length ? Number(length[1]) : 0;
        } else throw new Error(`an answer this client cannot delimit:\n${head}`);
      } else if (state.need === 'length') {
        const take = Math.min(state.left, buf.length);
        buf = buf.subarray(take);
        state.left -= take;
        bodyBytes += take;
        if (state.left > 0) return;
        done();
      } else if (state.need === 'chunk-size') {
        const end = buf.indexOf('\r\n');
        if (end < 0) return;
        const size = parseInt(buf.toString('latin1', 0, end), 16);
        buf = buf.subarray(end + 2);
        // The last chunk; the app sends no trailers, so one CRLF ends the answer.
        if (size === 0) state.need = 'last-crlf';
        else Object.assign(state, { need: 'chunk-data', left: size + 2 });
      } else if (state.need === 'last-crlf') {
        if (buf.length < 2) return;
        buf = buf.subarray(2);
        done();
      } else {
        const take = Math.min(state.left, buf.length);
        buf = buf.subarray(take);
        state.left -= take;
        bodyBytes += take;
        if (state.left > 0) return;
        bodyBytes -= 2;
        state.need = 'chunk-size';
      }
    }
  };
}

/** GETs `path` back to back on `connections` keep-alive sockets for `seconds`; counts what came back. */
export async function getLoop(base: string, path: string, opts: { connections: number; seconds: number }): Promise<LoopResult> {
  const url = new URL(path, base);
  if (url.hostname !== '127.0.0.1') throw new Error(`the bench only talks to 127.0.0.1, not ${url.hostname}`);
  const request = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\naccept: */*\r\nconnection: keep-alive\r\n\r\n`, 'latin1');
  const statuses: Record<string, number> = {};
  let requests = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const sockets: Socket[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      sockets.push(socket);
      const read = answerReader((status, size) => {
        requests += 1;
        bytes += size;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (performance.now() < deadline) socket.write(request);
        else socket.end(resolve);
      });
      socket.on('connect', () => socket.write(request));
      socket.on('data', (chunk: Buffer) => {
        try {
          read(chunk);
        } catch (error) {
          socket.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });
  try {
    await Promise.all(Array.from({ length: opts.connections }, one));
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return { requests, seconds: (performance.now() - started) / 1000, statuses, bytes };
}
