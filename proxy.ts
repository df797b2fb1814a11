import { NextResponse, type NextRequest } from 'next/server';
import { gateDashboard } from '@/lib/access/gate';
import { parseViewParams } from '@/lib/access/view-params';
import { viewKindProblem } from '@/lib/access/view-kind';
import { accessPageHeaders, offersPasscodeForm, renderAccessPage, type AccessPageInput } from '@/lib/access/access-page';
import { frameHeadersFor, surfaceOf } from '@/lib/access/surface-headers';
import { noFrameHeaders } from '@/lib/access/frame-policy';
import { checkRequest, getEdge, REQUEST_ID_HEADER } from '@/lib/http/limits';
import { mergeCsp, newNonce, pageCsp } from '@/lib/http/security-headers';
import { accessInputs } from '@/lib/server/access-inputs';

// Runs before every page and asset, never before an API route: those apply the same edge
// themselves (lib/http/route-check.ts), which spares JSON and SSE a second pass through the
// framework. First the public edge (lib/http): request id, URL limits, security headers on every
// response. Then, for the dashboard surfaces (/d, /embed, /tv), the one gate and the URL contract
// before anything renders, because only here can a refusal carry its real status (400/401/403/404)
// and an embed its per-dashboard frame-ancestors, decided at run time. Pages get a per-request
// script nonce (Next stamps its inline scripts with the nonce it reads from the request's CSP).
// The pages call the same gate again. Imports stay light: nothing here may load the server's context.

const REFUSAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";

function refuse(status: number, page: AccessPageInput, frame: Record<string, string>, edgeHeaders: Record<string, string>): NextResponse {
  const csp = `${frame['content-security-policy'] ?? "frame-ancestors 'none'"}; ${REFUSAL_CSP}`;
  return new NextResponse(renderAccessPage(page), { status, headers: accessPageHeaders({ ...edgeHeaders, ...frame, 'content-security-policy': csp }) });
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Passes the request on with its id and, for a page, the CSP whose nonce Next puts on its scripts. */
function next(request: NextRequest, requestId: string, csp: string | undefined): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  if (csp) headers.set('content-security-policy', csp);
  return NextResponse.next({ request: { headers } });
}

export async function proxy(request: NextRequest): Promise<Response> {
  const edge = checkRequest(getEdge(), { url: request.nextUrl, rawUrlLength: request.url.length, headers: request.headers });
  if (edge.refusal) return edge.refusal;
  const target = surfaceOf(request.nextUrl.pathname);
  if (!target) {
    // An asset, or Next's not-found page for a path under /api/ that no route serves.
    if (edge.kind !== 'page') return withHeaders(next(request, edge.requestId, undefined), { ...edge.headers, ...(edge.kind === 'api' ? { 'x-frame-options': 'DENY' } : {}) });
    const frame = noFrameHeaders();
    const csp = pageCsp(newNonce(), frame['content-security-policy'] ?? "frame-ancestors 'none'");
    return withHeaders(next(request, edge.requestId, csp), { ...edge.headers, ...frame, 'content-security-policy': csp });
  }
  const { surface, slug } = target;
  const inputs = accessInputs();
  const frame = frameHeadersFor(surface, inputs.dashboards.get(slug));

  const params = parseViewParams(request.nextUrl.searchParams);
  if (!params.ok) return refuse(400, { problem: 'bad_params', surface, detail: params.error }, frame, edge.headers);

  const gate = await gateDashboard({ slug, token: params.params.token, cookies: request.cookies }, inputs);
  if (!gate.ok) {
    const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const form = offersPasscodeForm(surface, gate.access) ? { slug, returnTo } : undefined;
    return refuse(gate.status, { problem: gate.reason, surface, form }, frame, edge.headers);
  }
  // Checked once the gate has opened, so a refused visitor learns nothing of the dashboard's kind.
  const kindProblem = viewKindProblem(params.params, gate.dashboard);
  if (kindProblem) return refuse(400, { problem: 'bad_params', surface, detail: kindProblem }, frame, edge.headers);
  // frame-ancestors stays the surface's own (per dashboard on /embed, 'none' elsewhere).
  const csp = mergeCsp(frame['content-security-policy'] ?? "frame-ancestors 'none'", pageCsp(newNonce(), "frame-ancestors 'none'"));
  const headers = { ...edge.headers, ...frame, 'content-security-policy': csp };
  return withHeaders(next(request, edge.requestId, csp), gate.gated ? { ...headers, 'cache-control': gate.cacheControl } : headers);
}

export const config = {
  // Everything but the API routes, which check the edge themselves (lib/http/route-check.ts; for
  // webhook and unlock that also keeps Next from buffering a body for the proxy). A path under
  // /api/ that no route serves is Next's not-found page, and passes here like any page.
  matcher: ['/((?!api/(?:dashboards/[^/]+(?:/events)?|health|unlock|webhooks/twenty)/?$).*)'],
};
