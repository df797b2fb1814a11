import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { gatePage, type SearchParams } from '@/lib/access/page-gate';
import { accessInputs } from '@/lib/server/access-inputs';
import { getContext } from '@/lib/server/context';
import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { RefusedByCrm } from '@/components/status/refused-by-crm';
import { WaitingForCrm } from '@/components/status/waiting-for-crm';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const pageAccess = async ({ params, searchParams }: Props) =>
  gatePage({ slug: (await params).slug, searchParams: await searchParams, cookies: await cookies() }, accessInputs());

export async function generateMetadata(props: Props) {
  const access = await pageAccess(props);
  return { title: access.ok ? `${access.gate.dashboard.title} · Pipeline Wall` : 'Pipeline Wall' };
}

// /d/[slug] – the full dashboard, server-rendered with data, then live in the browser.
// proxy.ts answers refused requests (401/403/404 page); this gate call is the backstop.
export default async function DashboardPage(props: Props) {
  const access = await pageAccess(props);
  if (!access.ok) notFound();
  const { gate, eventsUrl, jsonUrl } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state === 'waiting') return <WaitingForCrm title={gate.dashboard.title} reason={read.reason} />;
  if (read.state === 'refused') return <RefusedByCrm title={gate.dashboard.title} />;
  return <LiveDashboard initial={read.snapshot} eventsUrl={eventsUrl} jsonUrl={jsonUrl} variant="page" views={access.params.views} tabs={access.params.tabs} />;
}
