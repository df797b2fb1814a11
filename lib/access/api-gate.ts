import { gateDashboard, type AccessInputs, type CookieReader, type GateGranted } from '@/lib/access/gate';
import { parseViewParams } from '@/lib/access/view-params';
import { errorResponse, jsonResponse } from '@/lib/http/responses';

// The gate as JSON and SSE routes use it: query contract, then credentials, then a refusal that
// carries `{ "error": … }` and nothing of the dashboard.

export type ApiAccess = { ok: true; gate: GateGranted } | { ok: false; response: Response };

export type ApiRequestFacts = { slug: string; query: URLSearchParams; cookies: CookieReader };

export async function gateApiRequest(request: ApiRequestFacts, inputs: AccessInputs): Promise<ApiAccess> {
  const query = parseViewParams(request.query);
  if (!query.ok) {
    return { ok: false, response: jsonResponse({ error: 'bad_params', detail: query.error }, { status: 400, headers: { 'cache-control': 'no-store' } }) };
  }
  const gate = await gateDashboard({ slug: request.slug, token: query.params.token, cookies: request.cookies }, inputs);
  if (!gate.ok) return { ok: false, response: errorResponse(gate.status, gate.reason, { 'cache-control': 'private, no-store' }) };
  return { ok: true, gate };
}
