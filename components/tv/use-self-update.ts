'use client';

import '@/lib/http/zod-no-eval';
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import type { ConnectionState } from '@/lib/client/view-types';

// A TV nobody touches for weeks reloads itself: when a new build is deployed, once a day, and
// if its heap grows past a watermark. It reloads only after the server has answered the page's
// own URL, so a reload never lands on a browser error page while the server is down. A 401/403/
// 404 answer (link revoked or expired, dashboard removed) also reloads, to show that honestly.

const CHECK_EVERY_MS = 60_000;
const HEAP_WATERMARK_BYTES = 400 * 1024 * 1024;
const DAILY_RELOAD_HOUR = 4;

const healthSchema = z.object({ build: z.string().optional() });

type PerformanceWithMemory = Performance & { memory?: { usedJSHeapSize: number } };

function msUntilNextDailyReload(now: Date): number {
  const next = new Date(now);
  next.setHours(DAILY_RELOAD_HOUR, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  // Up to 10 minutes of jitter so a fleet of screens does not reload at the same second.
  return next.getTime() - now.getTime() + Math.floor(Math.random() * 600_000);
}

async function pageAnswer(): Promise<number | null> {
  try {
    const response = await fetch(window.location.href, { cache: 'no-store', headers: { accept: 'text/html' } });
    void response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

export function useSelfUpdate(opts: { buildId: string; connection: ConnectionState }): void {
  const connection = useRef(opts.connection);
  useEffect(() => {
    connection.current = opts.connection;
  }, [opts.connection]);

  useEffect(() => {
    let reloadWanted = false;
    let disposed = false;

    const reloadIfServed = async () => {
      const status = await pageAnswer();
      if (disposed || status === null) return;
      if (status === 200 || status === 401 || status === 403 || status === 404) window.location.reload();
    };

    const check = async () => {
      const heap = (performance as PerformanceWithMemory).memory?.usedJSHeapSize ?? 0;
      if (heap > HEAP_WATERMARK_BYTES) reloadWanted = true;
      try {
        const response = await fetch('/api/health', { cache: 'no-store' });
        const health = healthSchema.safeParse(await response.json());
        if (health.success && health.data.build && health.data.build !== opts.buildId) reloadWanted = true;
      } catch {
        // Server away: the stream shows it; nothing to decide until it is back.
      }
      if (reloadWanted) await reloadIfServed();
      else if (connection.current === 'offline' || connection.current === 'reconnecting') {
        // Long trouble may be a revoked link: ask the page itself (a 403 reloads into the notice).
        const status = await pageAnswer();
        if (!disposed && (status === 401 || status === 403 || status === 404)) window.location.reload();
      }
    };

    const interval = window.setInterval(() => void check(), CHECK_EVERY_MS);
    const daily = window.setTimeout(() => {
      reloadWanted = true;
      void reloadIfServed();
    }, msUntilNextDailyReload(new Date()));
    return () => {
      disposed = true;
      window.clearInterval(interval);
      window.clearTimeout(daily);
    };
  }, [opts.buildId]);
}
