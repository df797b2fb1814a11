'use client';

import { useEffect, useState } from 'react';
import { nextSlideIndex } from '@/components/tv/rotation';

/** The slide on screen and a counter that changes on every switch (restarts the progress bar). */
export function useRotation(slides: readonly { seconds: number }[]): { index: number; turn: number } {
  const [state, setState] = useState({ index: 0, turn: 0 });
  // A published Twenty dashboard's tabs can go while the screen runs: never point past the last slide.
  const index = slides.length > 0 ? state.index % slides.length : 0;
  const seconds = slides[index]?.seconds ?? 0;
  useEffect(() => {
    if (slides.length <= 1 || seconds <= 0) return;
    const timer = window.setTimeout(() => setState((s) => ({ index: nextSlideIndex(s.index % slides.length, slides.length), turn: s.turn + 1 })), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [state.turn, seconds, slides.length]);
  return { index, turn: state.turn };
}
