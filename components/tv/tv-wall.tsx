'use client';

import '@/components/tv/tv.css';
import '@/components/tv/tv-slides.css';
import { useState } from 'react';
import { displayFor } from '@/components/dashboard/display';
import { useSnapshotStream } from '@/lib/client/use-snapshot-stream';
import type { Snapshot } from '@/lib/pipeline/types';
import type { Theme } from '@/lib/access/view-params';
import { boardRotationPlan, slideKey, type Slide, type TabSlide } from '@/components/tv/rotation';
import { TvHeader } from '@/components/tv/tv-header';
import { TvStatus } from '@/components/tv/tv-status';
import { TvProgress } from '@/components/tv/tv-progress';
import { TvView } from '@/components/tv/tv-views';
import { TvBoardMissing, TvBoardSlide } from '@/components/tv/tv-board-slide';
import { Celebration, useWonCelebration } from '@/components/tv/celebration';
import { useRotation } from '@/components/tv/use-rotation';
import { useBurnInShift, useWakeLock } from '@/components/tv/use-kiosk';
import { useSelfUpdate } from '@/components/tv/use-self-update';

export type TvWallProps = {
  initial: Snapshot;
  eventsUrl: string;
  jsonUrl: string;
  slides: Slide[];
  /** A published Twenty dashboard's `view=tab-N` and `rotate=`: its slides come from the live snapshot's tabs. */
  board?: { tabs?: number[]; rotateSeconds?: number };
  showTitle: boolean;
  theme: Theme;
  buildId: string;
};

/** The wall: fills the screen, rotates views, keeps itself live, awake and up to date unattended. */
export function TvWall({ initial, eventsUrl, jsonUrl, slides: viewSlides, board, showTitle, theme, buildId }: TvWallProps) {
  const { snapshot, connection } = useSnapshotStream({ initial, eventsUrl, jsonUrl });
  const [firstVersion] = useState(initial.version);
  const slides: readonly (Slide | TabSlide)[] = snapshot.board ? boardRotationPlan(snapshot.board.tabs, board ?? {}) : viewSlides;
  const { index, turn } = useRotation(slides);
  const shift = useBurnInShift();
  useWakeLock();
  useSelfUpdate({ buildId, connection });
  const win = useWonCelebration(snapshot);
  const slide = slides[index] ?? slides[0];
  const display = displayFor(snapshot, 'tv', snapshot.version !== firstVersion);

  return (
    <div
      data-pw-variant="tv"
      data-pw-tv=""
      data-pw-theme={theme}
      data-testid="tv-wall"
      data-view={slide ? slideKey(slide) : undefined}
      data-version={snapshot.version}
      data-connection={connection}
      data-stale={snapshot.stale}
    >
      <div className="tv-frame" data-testid="tv-frame" style={{ transform: `translate(${shift.x * 0.1}vh, ${shift.y * 0.1}vh)` }}>
        <TvHeader snapshot={snapshot} connection={connection} showTitle={showTitle} />
        <TvStatus snapshot={snapshot} connection={connection} />
        <main className="tv-slide" key={turn} data-stale={snapshot.stale}>
          {slide && 'view' in slide ? <TvView view={slide.view} snapshot={snapshot} display={display} /> : null}
          {slide && 'tab' in slide ? <TvBoardSlide slide={slide} snapshot={snapshot} display={display} /> : null}
          {!slide && snapshot.board ? <TvBoardMissing snapshot={snapshot} tabs={board?.tabs ?? []} /> : null}
        </main>
        <TvProgress slides={slides} index={index} turn={turn} />
      </div>
      {win ? <Celebration item={win} locale={snapshot.locale} /> : null}
    </div>
  );
}
