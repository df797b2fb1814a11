'use client';

import '@/components/embed/embed.css';
import { useRef } from 'react';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { useSnapshotStream } from '@/lib/client/use-snapshot-stream';
import { useReportHeight } from '@/components/embed/use-report-height';
import type { Snapshot } from '@/lib/pipeline/types';
import type { Theme } from '@/lib/access/view-params';
import type { SelectableView } from '@/lib/config/views';

export type EmbedDashboardProps = {
  initial: Snapshot;
  eventsUrl: string;
  jsonUrl: string;
  views?: SelectableView[];
  tabs?: number[];
  theme: Theme;
  showTitle: boolean;
};

/** The dashboard without page chrome, live, in the host's chosen theme, reporting its height. */
export function EmbedDashboard({ initial, eventsUrl, jsonUrl, views, tabs, theme, showTitle }: EmbedDashboardProps) {
  const { snapshot, connection } = useSnapshotStream({ initial, eventsUrl, jsonUrl });
  const ref = useRef<HTMLDivElement>(null);
  useReportHeight(ref, snapshot.version);
  return (
    <div ref={ref} data-pw-embed={theme} data-pw-theme={theme} data-pw-hide-title={showTitle ? undefined : ''} data-testid="embed-root">
      <DashboardView snapshot={snapshot} connection={connection} variant="embed" views={views} tabs={tabs} />
    </div>
  );
}
