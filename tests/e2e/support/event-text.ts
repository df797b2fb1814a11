import { expect } from '@playwright/test';

// The raw text of a live stream, for privacy checks: what a viewer's browser receives, byte for
// byte, before any parsing.

export type TickerLine = Record<string, unknown> & { kind?: string };

/** Every ticker line of every snapshot event in a stream's text. */
export function tickerLinesOf(text: string): TickerLine[] {
  return [...text.matchAll(/^event: snapshot\n(?:id: .*\n)?data: (.*)$/gm)].flatMap((m) => (JSON.parse(m[1] ?? '{}') as { ticker?: TickerLine[] }).ticker ?? []);
}

/**
 * Reads a stream until `done(text)` holds or the time is up; `during` runs once, after the first
 * snapshot arrived (a CRM change made while the wall watches).
 */
export async function readEvents(url: string, opts: { timeoutMs: number; done: (text: string) => boolean; during?: () => Promise<void> }): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  let text = '';
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream body');
    const decoder = new TextDecoder();
    let started = false;
    while (!opts.done(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!started && opts.during && text.includes('event: snapshot')) {
        started = true;
        await opts.during();
      }
    }
    await reader.cancel();
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return text;
}
