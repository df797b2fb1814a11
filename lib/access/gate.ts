import 'server-only';
import { z } from 'zod';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { getContext } from '@/lib/server/context';

// The one gate in front of every surface that serves dashboard data: page, embed, TV, JSON, SSE.

export const slugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export type GateRequest = { slug: string };
export type GateResult =
  | { ok: true; dashboard: DashboardConfig; cacheControl: string }
  | { ok: false; status: 400 | 404; reason: 'bad_slug' | 'unknown_dashboard' };

const PUBLIC_CACHE = 'public, max-age=0, must-revalidate';

export async function gateDashboard(request: GateRequest): Promise<GateResult> {
  const slug = slugParam.safeParse(request.slug);
  if (!slug.success) return { ok: false, status: 400, reason: 'bad_slug' };
  const dashboard = getContext().dashboards.get(slug.data);
  if (!dashboard) return { ok: false, status: 404, reason: 'unknown_dashboard' };
  return { ok: true, dashboard, cacheControl: PUBLIC_CACHE };
}
