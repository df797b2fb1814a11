import { notFound } from 'next/navigation';
import { gatePage, type SearchParams } from '@/lib/access/page-gate';
import { getContext } from '@/lib/server/context';
import { EmbedDashboard } from '@/components/embed/embed-dashboard';
import { EmbedWaiting } from '@/components/embed/embed-waiting';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props) {
  const access = await gatePage((await params).slug, await searchParams);
  return { title: access.ok ? access.gate.dashboard.title : 'Pipeline Wall' };
}

// /embed/[slug] – the dashboard for an iframe. Its frame-ancestors come from the dashboard's
// allowedOrigins (proxy.ts, at run time); a share token in the URL opens a protected one, since
// a third-party iframe gets no cookies.
export default async function EmbedPage({ params, searchParams }: Props) {
  const access = await gatePage((await params).slug, await searchParams);
  if (!access.ok) notFound();
  const { gate, params: view, jsonUrl, eventsUrl } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  const theme = view.theme ?? 'light';
  if (read.state !== 'ready') return <EmbedWaiting jsonUrl={jsonUrl} theme={theme} refused={read.state === 'refused'} />;
  return (
    <EmbedDashboard initial={read.snapshot} eventsUrl={eventsUrl} jsonUrl={jsonUrl} views={view.views} theme={theme} showTitle={view.showTitle} />
  );
}
