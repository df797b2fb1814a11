import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { gatePage, type SearchParams } from '@/lib/access/page-gate';
import { accessInputs } from '@/lib/server/access-inputs';
import { getBuildId } from '@/lib/server/build-id';
import { getContext } from '@/lib/server/context';
import { rotationPlan } from '@/components/tv/rotation';
import { TvWall } from '@/components/tv/tv-wall';
import { TvWaiting } from '@/components/tv/tv-waiting';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const pageAccess = async ({ params, searchParams }: Props) =>
  gatePage({ slug: (await params).slug, searchParams: await searchParams, cookies: await cookies() }, accessInputs());

export async function generateMetadata(props: Props) {
  const access = await pageAccess(props);
  return { title: access.ok ? `${access.gate.dashboard.title} · TV · Pipeline Wall` : 'Pipeline Wall' };
}

// /tv/[slug] – the wall screen: full screen, rotating views, never a login (a link token opens it).
// proxy.ts answers refused requests; this gate call is the backstop.
export default async function TvPage(props: Props) {
  const access = await pageAccess(props);
  if (!access.ok) notFound();
  const { gate, params: view, jsonUrl, eventsUrl } = access;
  const read = await getContext().cache.get(gate.dashboard.slug);
  if (read.state !== 'ready') return <TvWaiting jsonUrl={jsonUrl} refused={read.state === 'refused'} />;
  return (
    <TvWall
      initial={read.snapshot}
      eventsUrl={eventsUrl}
      jsonUrl={jsonUrl}
      slides={rotationPlan(gate.dashboard.tv.views, view)}
      board={{ tabs: view.tabs, rotateSeconds: view.rotateSeconds }}
      showTitle={view.showTitle}
      theme={view.theme ?? 'dark'}
      buildId={getBuildId()}
    />
  );
}
