'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Measures the space a widget leaves its chart and draws the chart at exactly that height, so a
 * chart fills its grid cell whatever the title and notes above it took. Nothing is drawn before
 * the first measure (the widget's table carries the figures meanwhile).
 */
export function FitBox({ children }: { children: (height: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const next = Math.floor(element.getBoundingClientRect().height);
      setHeight((old) => (old !== null && Math.abs(old - next) < 1 ? old : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="pw-widget-chart">
      {height !== null && height > 0 ? children(height) : null}
    </div>
  );
}
