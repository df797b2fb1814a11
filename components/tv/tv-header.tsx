'use client';

import type { ConnectionState } from '@/lib/client/view-types';
import type { Snapshot } from '@/lib/pipeline/types';
import { useClock } from '@/components/ticker/use-clock';

const CONNECTION_WORDS: Record<ConnectionState, string> = {
  live: 'Live',
  polling: 'Checking every 10 s',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** "12 s ago", "4 min ago", "3 h ago": short enough to read across a room. */
export function agoText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

function Clock({ locale, timeZone }: { locale: string; timeZone: string }) {
  const now = useClock(1000);
  const text = now === null ? '--:--' : new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  return (
    <time className="tv-clock" data-testid="tv-clock" suppressHydrationWarning>
      {text}
    </time>
  );
}

function UpdatedAgo({ asOf }: { asOf: string }) {
  const now = useClock(1000);
  const age = now === null ? 0 : (now - Date.parse(asOf)) / 1000;
  return (
    <span data-testid="tv-updated" data-as-of={asOf}>
      Updated {now === null ? 'just now' : agoText(age)}
    </span>
  );
}

export function TvHeader({ snapshot, connection, showTitle }: { snapshot: Snapshot; connection: ConnectionState; showTitle: boolean }) {
  return (
    <header className="tv-header">
      <div style={{ minWidth: 0 }}>
        <p className="tv-kicker">Pipeline Wall{snapshot.demo ? ' · demo workspace' : ''}</p>
        {showTitle ? (
          <h1 className="tv-title" data-testid="dashboard-title">
            {snapshot.title}
          </h1>
        ) : null}
      </div>
      <div className="tv-meta">
        <Clock locale={snapshot.locale} timeZone={snapshot.timeZone} />
        <div className="tv-status-row">
          <UpdatedAgo asOf={snapshot.asOf} />
          <span className="tv-pill" data-testid="tv-connection" data-state={connection} role="status">
            {CONNECTION_WORDS[connection]}
          </span>
        </div>
      </div>
    </header>
  );
}
