// The sandbox's own endpoints for tests, behind the same API key:
// GET /__sandbox/requests, POST /__sandbox/requests/reset, GET|POST /__sandbox/faults.
import type { Credentials } from '@/sandbox/http/auth';
import { faultSchema, type FaultSwitch } from '@/sandbox/http/faults';
import { json } from '@/sandbox/http/responses';
import type { Handler } from '@/sandbox/http/types';
import type { RequestLog } from '@/sandbox/request-log';

export type AdminDeps = { credentials: Credentials; log: RequestLog; faults: FaultSwitch };

export function adminHandler(deps: AdminDeps): Handler {
  return async (req) => {
    if (!deps.credentials.isValid(req.headers.authorization)) return json(401, { error: 'A valid Bearer API key is required' });
    const route = `${req.method} ${req.path}`;
    if (route === 'GET /__sandbox/requests') return json(200, { requests: deps.log.entries(), totals: deps.log.totals() });
    if (route === 'POST /__sandbox/requests/reset') {
      deps.log.clear();
      return json(200, { ok: true });
    }
    if (route === 'GET /__sandbox/faults') return json(200, { fault: deps.faults.current });
    if (route === 'POST /__sandbox/faults') {
      let parsed;
      try {
        parsed = faultSchema.safeParse(JSON.parse(req.body || '{}'));
      } catch {
        return json(400, { error: 'Body must be JSON: { "mode": ..., "ms"?: number }' });
      }
      if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      deps.faults.set(parsed.data);
      return json(200, { fault: deps.faults.current });
    }
    return json(404, { error: `No route ${route}` });
  };
}
