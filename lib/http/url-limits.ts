// Requests refused before any work: a URL or query no surface could mean. Limits are far above
// anything the app produces (a share token is at most 2 KB), so only abuse or garbage hits them.

export const MAX_URL_CHARS = 4096;
export const MAX_QUERY_PARAMS = 24;
export const MAX_PARAM_CHARS = 2048;
export const MAX_SLUG_CHARS = 63;

export type UrlRefusal = { status: 400 | 404 | 414; error: 'uri_too_long' | 'bad_query' | 'bad_slug' };

// Pages answer a bad slug with their own 404 page (proxy.ts); the data routes answer here, in JSON.
const DASHBOARD_API_PATH = /^\/api\/dashboards\/([^/]*)(?:\/events)?\/?$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function checkUrl(url: URL, rawLength: number): UrlRefusal | null {
  if (rawLength > MAX_URL_CHARS) return { status: 414, error: 'uri_too_long' };
  let params = 0;
  for (const [key, value] of url.searchParams) {
    params += 1;
    if (params > MAX_QUERY_PARAMS || key.length > 64 || value.length > MAX_PARAM_CHARS) return { status: 400, error: 'bad_query' };
  }
  const match = DASHBOARD_API_PATH.exec(url.pathname);
  if (match) {
    let slug: string;
    try {
      slug = decodeURIComponent(match[1] ?? '');
    } catch {
      return { status: 404, error: 'bad_slug' };
    }
    if (slug.length > MAX_SLUG_CHARS || !SLUG.test(slug)) return { status: 404, error: 'bad_slug' };
  }
  return null;
}
