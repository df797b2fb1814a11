import { gateDashboard, type AccessInputs, type CookieReader, type GateGranted } from '@/lib/access/gate';
import { dataUrls, parseViewParams, type ViewParams } from '@/lib/access/view-params';
import { viewKindProblem } from '@/lib/access/view-kind';

// The gate as pages (/d, /embed, /tv) use it. proxy.ts has already refused bad requests with
// their real status; this second call keeps a page from ever rendering data on its own say-so.

export type SearchParams = Record<string, string | string[] | undefined>;

export type PageAccess =
  | { ok: true; gate: GateGranted; params: ViewParams; jsonUrl: string; eventsUrl: string }
  | { ok: false };

export type PageRequestFacts = { slug: string; searchParams: SearchParams; cookies: CookieReader };

export async function gatePage(request: PageRequestFacts, inputs: AccessInputs): Promise<PageAccess> {
  const query = parseViewParams(request.searchParams);
  if (!query.ok) return { ok: false };
  const gate = await gateDashboard({ slug: request.slug, token: query.params.token, cookies: request.cookies }, inputs);
  if (!gate.ok) return { ok: false };
  if (viewKindProblem(query.params, gate.dashboard)) return { ok: false };
  // Only a token that opened the dashboard is passed on to the live stream's URLs.
  const token = gate.via === 'token' ? query.params.token : undefined;
  return { ok: true, gate, params: query.params, ...dataUrls(gate.dashboard.slug, token) };
}
