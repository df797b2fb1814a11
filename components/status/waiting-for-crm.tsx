'use client';

import { useEffect } from 'react';

const REASONS: Record<string, string> = {
  unreachable: 'The CRM cannot be reached right now.',
  rate_limited: 'The CRM asked us to slow down.',
  auth: 'The CRM did not accept our API key.',
  rejected: 'The CRM rejected our query.',
  timeout: 'The CRM took too long to answer.',
  upstream_error: 'The CRM answered with an error.',
};

/** Shown before the first good snapshot exists; retries by itself, never asks for a click. */
export function WaitingForCrm({ title, reason, retryMs = 5000 }: { title: string; reason: string | null; retryMs?: number }) {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), retryMs);
    return () => clearTimeout(timer);
  }, [retryMs]);
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-3 p-8 text-center" data-testid="waiting-for-crm">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">Waiting for the CRM… {reason ? REASONS[reason] ?? '' : ''}</p>
      <p className="text-sm text-slate-500">This page retries by itself.</p>
    </main>
  );
}
