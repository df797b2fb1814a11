'use client';

import { useEffect, useState } from 'react';

/**
 * Epoch ms, refreshed every `everyMs`, or null before mount so the server and the hydrating
 * browser print the same text. Only the component that asks re-renders; charts never tick.
 */
export function useClock(everyMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, everyMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
