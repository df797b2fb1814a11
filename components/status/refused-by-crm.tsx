'use client';

import { useEffect } from 'react';

/** The CRM answers, but refuses this dashboard's settings; the others are fine. Retries calmly by itself. */
export function RefusedByCrm({ title, retryMs = 60_000 }: { title: string; retryMs?: number }) {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), retryMs);
    return () => clearTimeout(timer);
  }, [retryMs]);
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-3 p-8 text-center" data-testid="refused-by-crm">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">Twenty refused this dashboard&apos;s settings, so there are no numbers to show.</p>
      <p className="text-sm text-slate-500">The operator&apos;s log says what Twenty objected to. This page checks again by itself.</p>
    </main>
  );
}
