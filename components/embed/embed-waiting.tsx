'use client';

import '@/components/embed/embed.css';
import { useEffect, useRef } from 'react';
import { useReportHeight } from '@/components/embed/use-report-height';
import type { Theme } from '@/lib/access/view-params';

/** Before the first snapshot: a short notice that reloads once the data answers (`refused`: Twenty refuses this dashboard). */
export function EmbedWaiting({ jsonUrl, theme, refused = false }: { jsonUrl: string; theme: Theme; refused?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useReportHeight(ref, 'waiting');
  useEffect(() => {
    const timer = window.setInterval(async () => {
      try {
        if ((await fetch(jsonUrl, { cache: 'no-store' })).ok) window.location.reload();
      } catch {
        // Still away.
      }
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [jsonUrl]);
  return (
    <div ref={ref} data-pw-embed={theme} data-pw-theme={theme} data-testid="embed-waiting">
      <div data-pw-variant="embed" className="p-6 text-center text-(length:--pw-body) text-(--pw-muted)">
        {refused ? 'Twenty refused this dashboard\u2019s settings. This updates by itself once it accepts them.' : 'Waiting for the CRM… this updates by itself.'}
      </div>
    </div>
  );
}
