'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { chartTheme } from '@/components/charts/chart-theme';

type Box = { width: number; height: number; scale: number };

/**
 * Draws a chart at a smaller size and scales it up, so its SVG type (fixed pixel sizes in the
 * chart theme) comes out at the TV's body size at 1080p and 4K alike. The box is measured, so
 * the chart always fills its panel exactly and never scrolls.
 */
export function ScaledChart({ children }: { children: (height: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Box | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const bodyPx = parseFloat(getComputedStyle(element).fontSize) || 30;
      const scale = Math.max(1, bodyPx / chartTheme('tv').fontSize);
      const { width, height } = element.getBoundingClientRect();
      setBox((old) =>
        old && Math.abs(old.width - width) < 1 && Math.abs(old.height - height) < 1 && old.scale === scale ? old : { width, height, scale },
      );
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="tv-chart">
      {box ? (
        <div
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            width: box.width / box.scale,
            height: box.height / box.scale,
            transform: `scale(${box.scale})`,
            transformOrigin: '0 0',
          }}
        >
          {children(Math.floor(box.height / box.scale))}
        </div>
      ) : null}
    </div>
  );
}
