import { notFound } from 'next/navigation';
import { gateDashboard } from '@/lib/access/gate';
import { getContext } from '@/lib/server/context';
import { LiveDashboard } from '@/components/dashboard/live-dashboard';
import { WaitingForCrm } from '@/components/status/waiting-for-crm';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const gate = await gateDashboard({ slug: (await params).slug });
  return { title: gate.ok ? `${gate.dashboard.title} · Pipeline Wall` : 'Pipeline Wall' };
}

// /d/[slug] – the full dashboard, server-rendered with data, then live in the browser.
export default async function DashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const gate = await gateDashboard({ slug: (await params).slug });
  if (!gate.ok) notFound();
  const slug = gate.dashboard.slug;
  const read = await getContext().cache.get(slug);
  if (read.state === 'waiting') return <WaitingForCrm title={gate.dashboard.title} reason={read.reason} />;
  return (
    <LiveDashboard
      initial={read.snapshot}
      eventsUrl={`/api/dashboards/${slug}/events`}
      jsonUrl={`/api/dashboards/${slug}`}
      variant="page"
    />
  );
}
