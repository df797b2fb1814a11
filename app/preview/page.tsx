import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { ALL_VIEWS, type ViewName } from '@/lib/config/views';
import { sampleSnapshot, staleSampleSnapshot } from '@/sandbox/sample-snapshot';

// GET /preview – a development-only look at the dashboard with sample data; never shipped.
// ?live=1 runs the real SSE client against /preview/events.

const previewQuery = z.object({
  stale: z.enum(['0', '1']).optional(),
  live: z.enum(['0', '1']).optional(),
  variant: z.enum(['page', 'embed', 'tv']).default('page'),
  connection: z.enum(['live', 'reconnecting', 'offline', 'polling']).default('live'),
  view: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter((x): x is ViewName => (ALL_VIEWS as readonly string[]).includes(x)) : [...ALL_VIEWS])),
});

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PreviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (process.env.NODE_ENV === 'production') notFound();
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = previewQuery.safeParse({ stale: first(raw.stale), live: first(raw.live), variant: first(raw.variant), connection: first(raw.connection), view: first(raw.view) });
  if (!parsed.success) notFound();
  const { stale, live, variant, connection, view } = parsed.data;
  if (live === '1') {
    return <LiveDashboard initial={sampleSnapshot} eventsUrl="/preview/events" jsonUrl="/preview/json" variant={variant} views={view} />;
  }
  return <DashboardView snapshot={stale === '1' ? staleSampleSnapshot : sampleSnapshot} connection={connection} variant={variant} views={view} />;
}
