import type { Snapshot, StaleReason } from '@/lib/pipeline/types';
import { formatDateTime } from '@/lib/client/format';

const REASONS: Record<StaleReason, string> = {
  unreachable: 'CRM unreachable',
  rate_limited: 'Rate limited by the CRM',
  auth: 'CRM rejected our key',
  rejected: 'CRM rejected the request',
  timeout: 'CRM took too long to answer',
  upstream_error: 'CRM returned an error',
};

/** Says the numbers are old and why; the numbers themselves stay on screen. */
export function StaleBanner({ snapshot }: { snapshot: Snapshot }) {
  if (!snapshot.stale) return null;
  const { locale, timeZone } = snapshot;
  const reason = snapshot.staleReason ? REASONS[snapshot.staleReason] : 'Data may be out of date';
  return (
    <div
      data-testid="stale-banner"
      data-reason={snapshot.staleReason ?? ''}
      role="status"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-(--pw-warn-border) bg-(--pw-warn-bg) px-4 py-3 text-(length:--pw-body) text-(--pw-warn-text)"
    >
      <span aria-hidden="true" className="text-lg leading-none">
        ⚠
      </span>
      <strong className="font-semibold">{reason}</strong>
      <span>
        Showing data as of <time dateTime={snapshot.asOf}>{formatDateTime(snapshot.asOf, locale, timeZone)}</time>
        {snapshot.staleSince ? (
          <>
            {' '}
            · stale since <time dateTime={snapshot.staleSince}>{formatDateTime(snapshot.staleSince, locale, timeZone)}</time>
          </>
        ) : null}
      </span>
    </div>
  );
}
