import 'server-only';
import { cookies } from 'next/headers';
import { gateDashboard, type GateResult } from '@/lib/access/gate';
import { dataUrls, parseViewParams, type ViewParams } from '@/lib/access/view-params';

// The gate as pages (/d, /embed, /tv) use it. proxy.ts has already refused bad requests with
// their real status; this second call keeps a page from ever rendering data on its own say-so.

export type SearchParams = Record<string, string | string[] | undefined>;

export type PageAccess =
  | { ok: true; gate: Extract<GateResult, { ok: true }>; params: ViewParams; jsonUrl: string; eventsUrl: string }
  | { ok: false };

export async function gatePage(slug: string, searchParams: SearchParams): Promise<PageAccess> {
  const query = parseViewParams(searchParams);
  if (!query.ok) return { ok: false };
  const gate = await gateDashboard({ slug, token: query.params.token, cookies: await cookies() });
  if (!gate.ok) return { ok: false };
  // Only a token that opened the dashboard is passed on to the live stream's URLs.
  const token = gate.via === 'token' ? query.params.token : undefined;
  return { ok: true, gate, params: query.params, ...dataUrls(gate.dashboard.slug, token) };
}
