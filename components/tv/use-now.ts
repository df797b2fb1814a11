'use client';

import { useEffect, useState } from 'react';

/**
 * The time, refreshed every `everyMs`; null until mounted, so server and browser render the same
 * text. Only the component that asks re-renders each tick, never the charts.
 */
export function useNow(everyMs = 1000): number | null {
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
