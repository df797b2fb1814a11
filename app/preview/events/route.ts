import { notFound } from 'next/navigation';
import { previewSnapshotAt } from '@/app/preview/preview-data';

// GET /preview/events – dev-only SSE stream in the real protocol: a snapshot on connect and every
// 3 s, heartbeats and a comment in between, and a retry hint.

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  if (process.env.NODE_ENV === 'production') notFound();
  const encoder = new TextEncoder();
  let step = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const snapshot = () => send(`event: snapshot\ndata: ${JSON.stringify(previewSnapshotAt(step++, new Date()))}\n\n`);
      send('retry: 1000\n\n');
      snapshot();
      timer = setInterval(() => {
        send(': keep-alive\n\n');
        send(`event: heartbeat\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
        snapshot();
      }, 3_000);
      request.signal.addEventListener('abort', () => {
        clearInterval(timer);
        controller.close();
      });
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' } });
}
