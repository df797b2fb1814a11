import { cookies } from 'next/headers';
import { getIronSession } from 'iron-session';
import { accessSessionOptions, type AccessSession } from '@/lib/access/session';
import { checkUnlock, clientKeyOfRequest, unlockBodySchema } from '@/lib/access/unlock';
import { accessPageHeaders, renderAccessPage, throttleMessage } from '@/lib/access/access-page';
import { noFrameHeaders } from '@/lib/access/frame-policy';
import { errorResponse, jsonResponse } from '@/lib/http/responses';
import { guardRoute } from '@/lib/edge/route-guard';
import { getEdge } from '@/lib/edge';
import { servedOverHttps } from '@/lib/edge/transport';

export const dynamic = 'force-dynamic';

// POST /api/unlock – the passcode form (form-encoded, works without JavaScript) or JSON.
// Success stores the dashboard in the iron-session cookie and goes back (303) to the dashboard.
export async function POST(request: Request) {
  const edge = guardRoute(request);
  if (edge.refusal) return edge.refusal;
  return edge.finish(await unlock(request));
}

async function unlock(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get('content-type') ?? '').includes('application/json');
  const raw = wantsJson ? await request.json().catch(() => null) : Object.fromEntries(await request.formData().catch(() => new FormData()));
  const body = unlockBodySchema.safeParse(raw);
  if (!body.success) return errorResponse(400, 'bad_request', noFrameHeaders());

  const outcome = await checkUnlock(body.data, clientKeyOfRequest(request.headers));
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
