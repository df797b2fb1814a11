import { notFound } from 'next/navigation';
import { gatePage, type SearchParams } from '@/lib/access/page-gate';
import { getContext } from '@/lib/server/context';
import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { RefusedByCrm } from '@/components/status/refused-by-crm';
import { WaitingForCrm } from '@/components/status/waiting-for-crm';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props) {
  const access = await gatePage((await params).slug, await searchParams);
  return { title: access.ok ? `${access.gate.dashboard.title} · Pipeline Wall` : 'Pipeline Wall' };
}

// /d/[slug] – the full dashboard, server-rendered with data, then live in the browser.
// proxy.ts answers refused requests (401/403/404 page); this gate call is the backstop.
export default async function DashboardPage({ params, searchParams }: Props) {
  const access = await gatePage((await params).slug, await searchParams);
  if (!access.ok) notFound();
  const { gate, eventsUrl, jsonUrl } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state === 'waiting') return <WaitingForCrm title={gate.dashboard.title} reason={read.reason} />;
  if (read.state === 'refused') return <RefusedByCrm title={gate.dashboard.title} />;
  return <LiveDashboard initial={read.snapshot} eventsUrl={eventsUrl} jsonUrl={jsonUrl} variant="page" views={access.params.views} />;
}
