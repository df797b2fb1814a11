import { TwentyError } from '@/lib/twenty/errors';

// Turns what went wrong into a sentence a user can act on. Twenty's own words are kept (the
// transport has already removed the key from them); our category prefix is not.

/** Twenty's message without our "Twenty <kind>: " prefix. */
export function detailOf(err: unknown): string {
  if (err instanceof Error) return err.message.replace(/^Twenty \w+: /, '').replace(/^the API key was not accepted \((.*)\)$/, '$1');
  return String(err);
}

export const RATE_LIMIT_ADVICE =
  "Twenty's rate limit is reached (Twenty 2.x: 100 root fields a minute per workspace, shared by every API key): another client, such as a running wall, is using it. Run the check again in a minute";

/** The key itself: revoked, not a key of this server, or a role that cannot read opportunities. */
export function explainKeyRefusal(err: TwentyError): string {
  const detail = detailOf(err);
  if (/revoked/i.test(detail)) return `Twenty refused the key: it has been revoked ("${detail}"). Make a new key in Settings → APIs & Webhooks and set TWENTY_API_KEY`;
  if (/permission/i.test(detail)) {
    return `the key is valid but its role cannot read opportunities ("${detail}"). In Settings → Roles give the key's role read permission on Opportunities`;
  }
  if (/Token invalid|No payload|Cannot query field "opportunities"|HTTP 40[13]/.test(detail)) {
    return `Twenty refused the key: it is not a valid API key for this server ("${detail}"). Check TWENTY_API_KEY (malformed, expired, or from another server)`;
  }
  return `Twenty refused the key ("${detail}")`;
}

/** The first call failed: say whether the server, the key or the rate limit is at fault. */
export function explainReachFailure(err: unknown, apiUrl: string, timeoutMs: number): string {
  if (!(err instanceof TwentyError)) return `unexpected failure: ${detailOf(err)}`;
  switch (err.kind) {
    case 'unreachable':
      return `cannot reach ${apiUrl}: ${detailOf(err)}. Is TWENTY_API_URL right, and is Twenty up and reachable from here?`;
    case 'timeout':
      return `${apiUrl} did not answer within ${timeoutMs} ms (UPSTREAM_TIMEOUT_MS)`;
    case 'auth':
      return explainKeyRefusal(err);
    case 'rate_limited':
      return RATE_LIMIT_ADVICE;
    default:
      return `${apiUrl} answered, but not as Twenty's GraphQL API would (${detailOf(err)}): TWENTY_API_URL is the server's base URL, e.g. https://crm.example.com`;
  }
}

/** A dashboard's query failed after the connection was fine. */
export function explainDashboardFailure(err: unknown, slug: string): string {
  const raw = detailOf(err);
  const ours = `dashboard ${slug}: `;
  const detail = raw.startsWith(ours) ? raw.slice(ours.length) : raw;
  if (!(err instanceof TwentyError)) return `failed: ${detail}`;
  switch (err.kind) {
    case 'rejected':
      // lib/twenty names the dashboard when it refuses before asking Twenty (no owners, no known stage).
      return raw.startsWith(ours) ? `the wall cannot run this dashboard on this server: ${detail}` : `Twenty refused this dashboard's query: ${detail}`;
    case 'rate_limited':
      return RATE_LIMIT_ADVICE;
    case 'auth':
      return explainKeyRefusal(err);
    default:
      return `failed (${err.kind}): ${detail}`;
  }
}

/** Reading companies or workspace members is optional: say why it failed, without blaming the key. */
export function explainOptionalRead(err: unknown): string {
  const detail = detailOf(err);
  if (/permission/i.test(detail)) return `not readable by this key's role ("${detail}")`;
  if (/Cannot query field/.test(detail)) return 'not in this server\'s API';
  return `not readable (${detail})`;
}
