import { ConnectionBadge } from '@/components/dashboard/connection-badge';
import type { BadgeState, DashboardVariant } from '@/lib/client/view-types';
import type { Snapshot } from '@/lib/pipeline/types';
import { formatDateTime, formatTime } from '@/lib/client/format';

type HeaderProps = { snapshot: Snapshot; connection: BadgeState; variant: DashboardVariant };

export function DashboardHeader({ snapshot, connection, variant }: HeaderProps) {
  const { locale, timeZone, asOf } = snapshot;
  const TitleTag = variant === 'embed' ? 'h2' : 'h1';
  return (
    <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <p className="mb-1 text-(length:--pw-tiny) font-semibold tracking-[0.14em] text-(--pw-accent) uppercase">Pipeline Wall</p>
        <TitleTag data-testid="dashboard-title" className="truncate text-(length:--pw-title) leading-tight font-semibold tracking-tight text-(--pw-text)">
          {snapshot.title}
        </TitleTag>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-(length:--pw-small) text-(--pw-muted)">
        {snapshot.demo ? (
          <span
            data-testid="demo-badge"
            className="rounded-full border border-(--pw-demo-border) bg-(--pw-demo-bg) px-3 py-1 font-medium text-(--pw-demo-text)"
            title="Sample data from the built-in demo workspace, not a real CRM"
          >
            Demo workspace
          </span>
        ) : null}
        <span className="px-1 tabular-nums">
          As of{' '}
          <time data-testid="as-of" data-as-of={asOf} dateTime={asOf} title={formatDateTime(asOf, locale, timeZone)} className="font-medium text-(--pw-text)">
            {formatTime(asOf, locale, timeZone)}
          </time>
        </span>
        <ConnectionBadge connection={connection} />
      </div>
    </header>
  );
}
