'use client';

import '@/components/tv/tv.css';
import { useEffect } from 'react';

/**
 * Before the first good snapshot exists (first start with the CRM down). Reloads only once the
 * data answers, so the screen never swaps this notice for a browser error page.
 */
export function TvWaiting({ jsonUrl, refused = false }: { jsonUrl: string; refused?: boolean }) {
  useEffect(() => {
    const timer = window.setInterval(async () => {
      try {
        const response = await fetch(jsonUrl, { cache: 'no-store' });
        if (response.ok) window.location.reload();
      } catch {
        // Still away; try again on the next tick.
      }
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [jsonUrl]);
  return (
    <div data-pw-variant="tv" data-pw-tv="" data-testid="tv-waiting">
      <div className="tv-notice">
        <p className="tv-title">{refused ? 'Twenty refused this dashboard\u2019s settings' : 'Waiting for the CRM…'}</p>
        <p className="tv-panel-note">This screen updates by itself as soon as the numbers arrive.</p>
      </div>
    </div>
  );
}
