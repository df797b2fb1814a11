import { notFound } from 'next/navigation';
import { previewSnapshotAt } from '@/app/preview/preview-data';

// GET /preview/json – dev-only polling fallback for the preview's live mode.

export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (process.env.NODE_ENV === 'production') notFound();
  return Response.json(previewSnapshotAt(Math.floor(Date.now() / 3_000), new Date()), { headers: { 'cache-control': 'no-store' } });
}
