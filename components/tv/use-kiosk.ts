'use client';

import { useEffect, useState } from 'react';

// What a screen on a wall needs from the browser: stay awake, and move a little now and then
// so static edges (title, clock, progress bar) do not burn into an OLED or plasma panel.

const SHIFT_EVERY_MS = 3 * 60_000;
/** Offsets in units of 0.1 vh: at most ±0.4 vh (±4 px at 1080p, ±9 px at 4K), never clipped by the padding. */
const SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0], [3, 2], [-2, 4], [4, -3], [-4, -2], [2, -4], [-3, 3], [1, 4],
];

export function useBurnInShift(): { x: number; y: number } {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setStep((s) => (s + 1) % SHIFTS.length), SHIFT_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);
  const [x, y] = SHIFTS[step] ?? [0, 0];
  return { x, y };
}

/** Holds a screen wake lock where the browser offers one; the browser drops it when the tab hides. */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = async () => {
      if (disposed || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (disposed) void lock.release();
        else sentinel = lock;
      } catch {
        // Refused (battery saver, no user activation on some browsers): the screen's own settings apply.
      }
    };
    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release();
    };
  }, []);
}
