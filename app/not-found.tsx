import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">No such dashboard</h1>
      <p className="text-slate-600">The link may be mistyped, or the dashboard was removed.</p>
      <Link className="text-sky-700 underline" href="/">All dashboards</Link>
    </main>
  );
}
