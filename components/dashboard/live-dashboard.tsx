'use client';

import { DashboardView } from '@/components/dashboard/dashboard-view';
import type { DashboardVariant } from '@/lib/client/view-types';
import type { ViewName } from '@/lib/config/views';
import { useSnapshotStream } from '@/lib/client/use-snapshot-stream';
import type { Snapshot } from '@/lib/pipeline/types';

export type LiveDashboardProps = {
  initial: Snapshot;
  eventsUrl: string;
  jsonUrl: string;
  variant: DashboardVariant;
  views?: ViewName[];
  tabs?: number[];
};

/** The dashboard kept current in place: new snapshots re-render the same tree, never a reload. */
export function LiveDashboard({ initial, eventsUrl, jsonUrl, variant, views, tabs }: LiveDashboardProps) {
  const { snapshot, connection, connecting } = useSnapshotStream({ initial, eventsUrl, jsonUrl });
  return <DashboardView snapshot={snapshot} connection={connecting ? 'connecting' : connection} variant={variant} views={views} tabs={tabs} />;
}
