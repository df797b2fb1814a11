import { gateDashboard, type AccessInputs, type CookieReader, type GateGranted } from '@/lib/access/gate';
import { parseViewParams } from '@/lib/access/view-params';
import { viewKindProblem } from '@/lib/access/view-kind';
import { errorResponse, jsonResponse } from '@/lib/http/responses';

// The gate as JSON and SSE routes use it: query contract, then credentials, then a refusal that
// carries `{ "error": … }` and nothing of the dashboard.

export type ApiAccess = { ok: true; gate: GateGranted } | { ok: false; response: Response };

export type ApiRequestFacts = { slug: string; query: URLSearchParams; cookies: CookieReader };

const badParams = (detail: string): ApiAccess => ({
  ok: false,
  response: jsonResponse({ error: 'bad_params', detail }, { status: 400, headers: { 'cache-control': 'no-store' } }),
});

export async function gateApiRequest(request: ApiRequestFacts, inputs: AccessInputs): Promise<ApiAccess> {
  const query = parseViewParams(request.query);
  if (!query.ok) return badParams(query.error);
  const gate = await gateDashboard({ slug: request.slug, token: query.params.token, cookies: request.cookies }, inputs);
  if (!gate.ok) return { ok: false, response: errorResponse(gate.status, gate.reason, { 'cache-control': 'private, no-store' }) };
  // Only after the gate: a refused visitor learns nothing of what kind of dashboard this is.
  const kindProblem = viewKindProblem(query.params, gate.dashboard);
  if (kindProblem) return badParams(kindProblem);
  return { ok: true, gate };
}
