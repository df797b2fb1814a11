import { NextResponse, type NextRequest } from 'next/server';
import { gateDashboard } from '@/lib/access/gate';
import { parseViewParams } from '@/lib/access/view-params';
import { accessPageHeaders, offersPasscodeForm, renderAccessPage, type AccessPageInput } from '@/lib/access/access-page';
import { frameHeadersFor, surfaceOf } from '@/lib/access/surface-headers';
import { noFrameHeaders } from '@/lib/access/frame-policy';

// Runs before every page. For the dashboard surfaces (/d, /embed, /tv) it applies the one gate
// and the URL contract before anything renders, because only here can a refusal carry its real
// status (400/401/403/404) and an embed its per-dashboard frame-ancestors, decided at run time.
// The pages call the same gate again; JSON and SSE routes gate themselves.

const REFUSAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";

function refuse(status: number, page: AccessPageInput, frame: Record<string, string>): NextResponse {
  const csp = `${frame['content-security-policy'] ?? "frame-ancestors 'none'"}; ${REFUSAL_CSP}`;
  return new NextResponse(renderAccessPage(page), { status, headers: accessPageHeaders({ ...frame, 'content-security-policy': csp }) });
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const target = surfaceOf(request.nextUrl.pathname);
  if (!target) return withHeaders(NextResponse.next(), noFrameHeaders());
  const { surface, slug } = target;
  const frame = frameHeadersFor(surface, slug);

  const params = parseViewParams(request.nextUrl.searchParams);
  if (!params.ok) return refuse(400, { problem: 'bad_params', surface, detail: params.error }, frame);

  const gate = await gateDashboard({ slug, token: params.params.token, cookies: request.cookies });
  if (!gate.ok) {
    const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    const form = offersPasscodeForm(surface, gate.access) ? { slug, returnTo } : undefined;
    return refuse(gate.status, { problem: gate.reason, surface, form }, frame);
  }
  return withHeaders(NextResponse.next(), gate.gated ? { ...frame, 'cache-control': gate.cacheControl } : frame);
}

export const config = {
  matcher: ['/((?!_next/|api/|favicon\\.ico|embed\\.js).*)'],
};
