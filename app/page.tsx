import Link from 'next/link';
import { getContext } from '@/lib/server/context';

export const dynamic = 'force-dynamic';

// / – the public dashboards.
export default function HomePage() {
  const { dashboards, demo } = getContext();
  // Only public dashboards are listed: a protected one's name is not for strangers.
  const list = [...dashboards.values()].filter((d) => d.access === 'public');
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-3xl font-semibold tracking-tight">Pipeline Wall</h1>
      {demo && <p className="mt-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900" data-testid="demo-badge">Demo workspace</p>}
      <ul className="mt-8 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="dashboard-list">
        {list.map((d) => (
          <li key={d.slug}>
            <Link className="block px-5 py-4 hover:bg-slate-50" href={`/d/${d.slug}`}>
              <span className="font-medium">{d.title}</span>
              <span className="ml-2 text-sm text-slate-500">/d/{d.slug}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
