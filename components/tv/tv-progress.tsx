import type { CSSProperties } from 'react';
import { slideKey, slideLabel, type Slide, type TabSlide } from '@/components/tv/rotation';

/** One segment per slide; the current one fills over its duration (a CSS animation, no timers). */
export function TvProgress({ slides, index, turn }: { slides: readonly (Slide | TabSlide)[]; index: number; turn: number }) {
  if (slides.length <= 1) return <div aria-hidden="true" />;
  return (
    <nav className="tv-progress" aria-label="Views on this screen" data-testid="tv-progress">
      {slides.map((slide, i) => {
        const style = { '--slide-duration': `${slide.seconds}s` } as CSSProperties;
        return (
          <div key={`${slideKey(slide)}-${i}`} className="tv-step" data-active={i === index} data-done={i < index} style={style}>
            <span>{slideLabel(slide)}</span>
            <div className="tv-bar">
              <i key={i === index ? turn : 'idle'} />
            </div>
          </div>
        );
      })}
    </nav>
  );
}
