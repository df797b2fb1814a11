import type { ConnectionState } from '@/lib/client/view-types';
import type { Snapshot, StaleReason } from '@/lib/pipeline/types';
import { formatTime } from '@/lib/client/format';

const REASONS: Record<StaleReason, string> = {
  unreachable: 'CRM unreachable',
  rate_limited: 'CRM is rate limiting us',
  auth: 'CRM refused our key',
  rejected: 'CRM rejected the request',
  timeout: 'CRM is not answering',
  upstream_error: 'CRM returned an error',
};

/**
 * The line that says the numbers are old and why. The numbers stay on screen below it: an old
 * figure clearly labelled beats a blank chart or an error that reads like zero.
 */
export function TvStatus({ snapshot, connection }: { snapshot: Snapshot; connection: ConnectionState }) {
  const { locale, timeZone } = snapshot;
  if (snapshot.stale) {
    const reason = snapshot.staleReason ? REASONS[snapshot.staleReason] : 'Data may be out of date';
    return (
      <div className="tv-banner" role="status" data-testid="tv-stale" data-reason={snapshot.staleReason ?? ''}>
        <strong>⚠ {reason}</strong>
        <span>
          showing numbers as of {formatTime(snapshot.asOf, locale, timeZone)}
          {snapshot.staleSince ? `, stale since ${formatTime(snapshot.staleSince, locale, timeZone)}` : ''}
        </span>
      </div>
    );
  }
  if (connection === 'offline' || connection === 'reconnecting') {
    return (
      <div className="tv-banner" role="status" data-testid="tv-disconnected">
        <strong>{connection === 'offline' ? '⚠ No connection to the server' : 'Connection lost, reconnecting'}</strong>
        <span>showing the last numbers received, as of {formatTime(snapshot.asOf, locale, timeZone)}</span>
      </div>
    );
  }
  // Keeps the grid's row so the slide does not jump when a banner comes and goes.
  return <div aria-hidden="true" />;
}
