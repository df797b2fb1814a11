'use client';

import { useState, type ReactNode } from 'react';
import { DashboardHeader } from '@/components/dashboard/dashboard-header';
import { StaleBanner } from '@/components/dashboard/stale-banner';
import { KpiTiles } from '@/components/dashboard/kpi-tiles';
import { Card } from '@/components/dashboard/card';
import { TopDealsTable } from '@/components/dashboard/top-deals-table';
import { OwnersBoard } from '@/components/dashboard/owners-board';
import { displayFor } from '@/components/dashboard/display';
import { defaultViews, type BadgeState, type DashboardVariant } from '@/lib/client/view-types';
import type { ViewName } from '@/lib/config/views';
import { StageChart } from '@/components/charts/stage-chart';
import { StageTable } from '@/components/charts/stage-table';
import { FunnelChart, FunnelTable, openStages } from '@/components/charts/funnel-chart';
import { TimelineChart, TimelineTable } from '@/components/charts/timeline-chart';
import { TrendChart, TrendTable } from '@/components/charts/trend-chart';
import { TickerCard } from '@/components/ticker/ticker-feed';
import { BoardTabs } from '@/components/board/board-tabs';
import type { Snapshot } from '@/lib/pipeline/types';

export type DashboardViewProps = {
  snapshot: Snapshot;
  connection: BadgeState;
  variant: DashboardVariant;
  views?: ViewName[];
  /** A published Twenty dashboard's tabs to show (`view=tab-N`), in that order; default all. */
  tabs?: number[];
};

const LAYOUT: Record<DashboardVariant, { root: string; inner: string; chartHeight: number; funnelHeight: number }> = {
  page: { root: 'min-h-screen bg-(--pw-bg)', inner: 'mx-auto flex max-w-[1400px] flex-col gap-6 px-4 py-8 sm:px-6 lg:px-10 lg:py-10', chartHeight: 280, funnelHeight: 260 },
  embed: { root: 'bg-(--pw-bg)', inner: 'flex flex-col gap-4 p-3 sm:p-4', chartHeight: 240, funnelHeight: 220 },
  tv: { root: 'min-h-screen bg-(--pw-bg)', inner: 'flex flex-col gap-6 p-8', chartHeight: 340, funnelHeight: 320 },
};

/** Two views side by side on wide screens; a lone view takes the whole row. */
function Row({ left, right }: { left: ReactNode; right: ReactNode }) {
  if (!left && !right) return null;
  const alone = !left || !right;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-12">
      {left ? <div className={`flex min-w-0 flex-col ${alone ? 'lg:col-span-12' : 'lg:col-span-7'}`}>{left}</div> : null}
      {right ? <div className={`flex min-w-0 flex-col ${alone ? 'lg:col-span-12' : 'lg:col-span-5'}`}>{right}</div> : null}
    </div>
  );
}

/**
 * The whole dashboard for one snapshot; charts take props only and never fetch. A new snapshot
 * re-renders the same tree (every list keyed by stage, month or id), so nothing remounts and
 * nothing blanks: bars and numbers change in place.
 */
export function DashboardView({ snapshot, connection, variant, views, tabs }: DashboardViewProps) {
  // Nothing to animate from on first paint; later snapshots move the bars briefly.
  const [firstVersion] = useState(snapshot.version);
  const display = displayFor(snapshot, variant, snapshot.version !== firstVersion);
  const layout = LAYOUT[variant];
  // A published Twenty dashboard shows Twenty's charts in place of the pipeline's views.
  if (snapshot.board) {
    return (
      <div data-pw-variant={variant} data-version={snapshot.version} className={layout.root}>
        <main className={layout.inner}>
          <DashboardHeader snapshot={snapshot} connection={connection} variant={variant} />
          <StaleBanner snapshot={snapshot} />
          <BoardTabs board={snapshot.board} widgets={snapshot.widgets ?? []} tabs={tabs} display={display} />
        </main>
      </div>
    );
  }
  // By default the leaderboard shows only where there are owners; named in the URL, it always shows (and says when there are none).
  const show = new Set(views ?? defaultViews(variant).filter((v) => v !== 'owners' || snapshot.owners !== undefined));
  const currencyNote = `Amounts in ${snapshot.currency}`;

  const stages = show.has('stages') ? (
    <Card title="Pipeline by stage" subtitle={currencyNote} className="h-full">
      <StageChart stages={snapshot.stages} display={display} height={layout.chartHeight} />
      <div className="mt-4">
        <StageTable stages={snapshot.stages} display={display} visuallyHidden={variant === 'tv'} />
      </div>
    </Card>
  ) : null;
  const funnel = show.has('funnel') ? (
    <Card title="Pipeline funnel" subtitle="Deals that reached each stage · share of the previous stage" className="h-full">
      <FunnelChart stages={snapshot.stages} funnel={snapshot.funnel} display={display} height={layout.funnelHeight} />
      <FunnelTable stages={snapshot.stages} funnel={snapshot.funnel} display={display} />
    </Card>
  ) : null;
  const timeline = show.has('timeline') ? (
    <Card title="Expected close by month" subtitle={currencyNote} className="h-full">
      <TimelineChart points={snapshot.timeline} display={display} height={layout.chartHeight} />
      <TimelineTable points={snapshot.timeline} display={display} />
    </Card>
  ) : null;
  // Only dashboards with `trend` carry it (and older snapshots never do).
  const trend = show.has('trend') && snapshot.created ? (
    <Card title="New pipeline by week" subtitle={`Deals created per week, last ${snapshot.created.length} weeks (count under each week) · ${currencyNote}`} testId="trend" className="h-full">
      <TrendChart points={snapshot.created} display={display} height={layout.funnelHeight} />
      <TrendTable points={snapshot.created} display={display} />
    </Card>
  ) : null;
  const deals = show.has('deals') ? (
    <Card title="Top open deals" subtitle="Each in its own currency" testId="top-deals" className="h-full">
      <TopDealsTable deals={snapshot.topDeals} stages={snapshot.stages} display={display} />
    </Card>
  ) : null;

  const owners = show.has('owners') ? (
    <Card title="Owners leaderboard" subtitle={currencyNote} testId="owners" className="h-full">
      <OwnersBoard owners={snapshot.owners} period={snapshot.kpis.period} display={display} />
    </Card>
  ) : null;

  return (
    <div data-pw-variant={variant} data-version={snapshot.version} className={layout.root}>
      <main className={layout.inner}>
        <DashboardHeader snapshot={snapshot} connection={connection} variant={variant} />
        <StaleBanner snapshot={snapshot} />
        {show.has('kpis') ? <KpiTiles kpis={snapshot.kpis} openStageCount={openStages(snapshot.stages).length} asOf={snapshot.asOf} display={display} /> : null}
        {show.has('ticker') ? <TickerCard snapshot={snapshot} /> : null}
        {/* Paired by height: the stage chart with its table beside the deals list, the two charts together. */}
        <Row left={stages} right={deals} />
        <Row left={timeline} right={funnel} />
        <Row left={trend} right={owners} />
      </main>
    </div>
  );
}
