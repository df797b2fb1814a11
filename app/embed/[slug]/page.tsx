import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { gatePage, type SearchParams } from '@/lib/access/page-gate';
import { accessInputs } from '@/lib/server/access-inputs';
import { getContext } from '@/lib/server/context';
import { EmbedDashboard } from '@/components/embed/embed-dashboard';
import { EmbedWaiting } from '@/components/embed/embed-waiting';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const pageAccess = async ({ params, searchParams }: Props) =>
  gatePage({ slug: (await params).slug, searchParams: await searchParams, cookies: await cookies() }, accessInputs());

export async function generateMetadata(props: Props) {
  const access = await pageAccess(props);
  return { title: access.ok ? access.gate.dashboard.title : 'Pipeline Wall' };
}

// /embed/[slug] – the dashboard for an iframe. Its frame-ancestors come from the dashboard's
// allowedOrigins (proxy.ts, at run time); a share token in the URL opens a protected one, since
// a third-party iframe gets no cookies.
export default async function EmbedPage(props: Props) {
  const access = await pageAccess(props);
  if (!access.ok) notFound();
  const { gate, params: view, jsonUrl, eventsUrl } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  const theme = view.theme ?? 'light';
  if (read.state !== 'ready') return <EmbedWaiting jsonUrl={jsonUrl} theme={theme} refused={read.state === 'refused'} />;
  return (
    <EmbedDashboard initial={read.snapshot} eventsUrl={eventsUrl} jsonUrl={jsonUrl} views={view.views} tabs={view.tabs} theme={theme} showTitle={view.showTitle} />
  );
}
