'use client';

import { useEffect, type RefObject } from 'react';

// The embed tells its host page how tall it is, so public/embed.js can size the iframe: on load,
// on every layout change (ResizeObserver), and on every snapshot. The height is the content's
// own box, not the document's, which is at least the iframe's height and could never shrink.

export const RESIZE_MESSAGE = 'pipeline-wall:resize';

export function useReportHeight(ref: RefObject<HTMLElement | null>, version: string): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      // Only a height leaves the frame (nothing secret), so any host may read it.
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
    };
    post();
    const observer = new ResizeObserver(post);
    observer.observe(element);
    window.addEventListener('load', post);
    return () => {
      observer.disconnect();
      window.removeEventListener('load', post);
    };
  }, [ref]);

  useEffect(() => {
    const element = ref.current;
    if (!element || window.parent === window) return;
    // After a new snapshot paints; the observer catches most changes, this catches the rest.
    const frame = window.requestAnimationFrame(() => {
      window.parent.postMessage({ type: RESIZE_MESSAGE, height: Math.ceil(element.getBoundingClientRect().height) }, '*');
    });
    return () => window.cancelAnimationFrame(frame);
  }, [ref, version]);
}
