import { cookies } from 'next/headers';
import { getIronSession } from 'iron-session';
import { accessSessionOptions, type AccessSession } from '@/lib/access/session';
import { checkUnlock, unlockBodySchema } from '@/lib/access/unlock';
import { checkSameOrigin, MAX_UNLOCK_BYTES, parseUnlockFields, readCappedBody, unlockMediaType } from '@/lib/access/unlock-request';
import { accessPageHeaders, renderAccessPage, throttleMessage } from '@/lib/access/access-page';
import { noFrameHeaders } from '@/lib/access/frame-policy';
import { getEnv } from '@/lib/config/env';
import { errorResponse, jsonResponse } from '@/lib/http/responses';
import { guardRoute } from '@/lib/http/route-check';
import { getEdge } from '@/lib/http/limits';
import { servedOverHttps } from '@/lib/http/transport';
import { accessInputs, passcodeGuard } from '@/lib/server/access-inputs';

export const dynamic = 'force-dynamic';

// POST /api/unlock – the passcode form (form-encoded, works without JavaScript) or JSON.
// Same-site only (403), a form or JSON only (415), a few KB at most (413, before reading more).
// Success stores the dashboard in the iron-session cookie and goes back (303) to the dashboard.
export async function POST(request: Request) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  return edge.finish(await unlock(request, edge.clientKey));
}

async function unlock(request: Request, clientKey: string): Promise<Response> {
  const env = getEnv();
  const crossSite = checkSameOrigin(request.headers, { publicBaseUrl: env.PUBLIC_BASE_URL, trustProxy: env.TRUST_PROXY === '1' });
  if (crossSite) return errorResponse(crossSite.status, crossSite.error, noFrameHeaders());
  const contentType = request.headers.get('content-type') ?? '';
  const type = unlockMediaType(contentType);
  if (!type) return errorResponse(415, 'unsupported_media_type', noFrameHeaders());
  const read = await readCappedBody(request, MAX_UNLOCK_BYTES);
  if (!read.ok) return errorResponse(read.refusal.status, read.refusal.error, noFrameHeaders());
  const body = unlockBodySchema.safeParse(await parseUnlockFields(read.bytes, type, contentType));
  if (!body.success) return errorResponse(400, 'bad_request', noFrameHeaders());
  const wantsJson = type === 'json';

  const { dashboards, password } = accessInputs();
  const outcome = await checkUnlock(body.data, { clientKey, dashboards, password, guard: passcodeGuard() });
  if (!outcome.ok) {
    const retry: Record<string, string> = outcome.retryAfterSeconds ? { 'retry-after': String(outcome.retryAfterSeconds) } : {};
    if (wantsJson) {
      const message = outcome.problem === 'throttled' ? throttleMessage(outcome.retryAfterSeconds ?? 60) : outcome.problem;
      return jsonResponse({ error: outcome.problem, message }, { status: outcome.status, headers: { 'cache-control': 'no-store', ...retry } });
    }
    const form = outcome.problem === 'unknown_dashboard' ? undefined : { slug: body.data.slug, returnTo: outcome.returnTo };
    const html = renderAccessPage({ problem: outcome.problem, surface: 'page', form, retryAfterSeconds: outcome.retryAfterSeconds });
    return new Response(html, { status: outcome.status, headers: accessPageHeaders({ ...noFrameHeaders(), ...retry }) });
  }

  const session = await getIronSession<AccessSession>(await cookies(), accessSessionOptions(outcome.password, servedOverHttps(getEdge().settings, request.headers)));
  session.unlocked = { ...(session.unlocked ?? {}), [outcome.slug]: outcome.tokenVersion };
  await session.save();
  if (wantsJson) return jsonResponse({ ok: true, returnTo: outcome.returnTo }, { headers: { 'cache-control': 'no-store' } });
  return new Response(null, { status: 303, headers: { location: outcome.returnTo, 'cache-control': 'no-store' } });
}
