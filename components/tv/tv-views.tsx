'use client';

import type { ReactNode } from 'react';
import type { Display } from '@/components/dashboard/display';
import { StageChart } from '@/components/charts/stage-chart';
import { FunnelChart, FunnelTable } from '@/components/charts/funnel-chart';
import { TimelineChart } from '@/components/charts/timeline-chart';
import { TrendChart, TrendTable } from '@/components/charts/trend-chart';
import { ScaledChart } from '@/components/tv/scaled-chart';
import { OwnersBoard } from '@/components/dashboard/owners-board';
import { TvKpis } from '@/components/tv/tv-kpis';
import { TvDeals, TvStageList } from '@/components/tv/tv-lists';
import { VIEW_LABELS } from '@/components/tv/rotation';
import type { SelectableView } from '@/lib/config/views';
import type { Snapshot } from '@/lib/pipeline/types';

function Panel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="tv-panel" aria-label={title}>
      <header className="tv-panel-head">
        <h2 className="tv-panel-title">{title}</h2>
        {note ? <p className="tv-panel-note">{note}</p> : null}
      </header>
      <div className="tv-panel-body">{children}</div>
    </section>
  );
}

/** One slide of the wall; only the slide on screen is mounted, so the DOM stays small. */
export function TvView({ view, snapshot, display }: { view: SelectableView; snapshot: Snapshot; display: Display }) {
  const amounts = `Amounts in ${snapshot.currency}`;
  switch (view) {
    case 'kpis':
      return <TvKpis snapshot={snapshot} />;
    case 'stages':
      return (
        <Panel title={VIEW_LABELS.stages} note={amounts}>
          <ScaledChart>{(height) => <StageChart stages={snapshot.stages} display={display} height={height} />}</ScaledChart>
          <TvStageList snapshot={snapshot} />
        </Panel>
      );
    case 'funnel':
      return (
        <Panel title={VIEW_LABELS.funnel} note="Deals that reached each stage · share of the previous stage">
          <ScaledChart>{(height) => <FunnelChart stages={snapshot.stages} funnel={snapshot.funnel} display={display} height={height} />}</ScaledChart>
          <FunnelTable stages={snapshot.stages} funnel={snapshot.funnel} display={display} />
        </Panel>
      );
    case 'timeline':
      return (
        <Panel title={VIEW_LABELS.timeline} note={amounts}>
          <ScaledChart>{(height) => <TimelineChart points={snapshot.timeline} display={display} height={height} />}</ScaledChart>
        </Panel>
      );
    case 'deals':
      return (
        <Panel title={VIEW_LABELS.deals} note="Each in its own currency">
          <TvDeals snapshot={snapshot} />
        </Panel>
      );
    case 'owners':
      return (
        <Panel title={VIEW_LABELS.owners} note={amounts}>
          <OwnersBoard owners={snapshot.owners} period={snapshot.kpis.period} display={display} />
        </Panel>
      );
    case 'trend': {
      const created = snapshot.created;
      return (
        <Panel title={VIEW_LABELS.trend} note={created ? `Amount created per week, deals created under it · last ${created.length} weeks · ${amounts}` : 'Not shown on this dashboard'}>
          {created ? (
            <>
              <ScaledChart>{(height) => <TrendChart points={created} display={display} height={height} />}</ScaledChart>
              <TrendTable points={created} display={display} />
            </>
          ) : null}
        </Panel>
      );
    }
  }
}
