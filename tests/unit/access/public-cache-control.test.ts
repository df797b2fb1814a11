import { expect, test } from 'vitest';
import { decideAccess, GATED_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, publicCacheControl } from '@/lib/access/decide';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { sealShareToken } from '@/lib/access/share-token';

// A CDN in front of several instances absorbs viewers of a public dashboard for a few seconds
// and revalidates with the ETag; nothing gated may ever be kept by a shared cache.

const PASSWORD = 'unit-test-session-password-0123456789abcdef';

/** Cache-Control directives as a map: `s-maxage=5` → ['s-maxage', '5'], `public` → ['public', '']. */
function directives(header: string): Map<string, string> {
  return new Map(
    header.split(',').map((part) => {
      const [name = '', value = ''] = part.trim().split('=');
      return [name.toLowerCase(), value];
    }),
  );
}

const dashboards = new Map<string, DashboardConfig>(
  [dashboardDefaults({ slug: 'open', title: 'Open' }), dashboardDefaults({ slug: 'linked', title: 'Linked', access: 'link' })].map((d) => [d.slug, d]),
);

test('a public dashboard may sit in a shared cache for a few seconds, then be served stale while it revalidates', async () => {
  const result = await decideAccess({ slug: 'open', dashboards, token: undefined, sessionSeal: undefined, password: undefined, now: new Date() });
  if (!result.ok) throw new Error(`public dashboard refused: ${result.reason}`);
  expect(result.cacheControl).toBe(PUBLIC_CACHE_CONTROL);
  const d = directives(result.cacheControl);
  expect(d.has('public')).toBe(true);
  expect(d.has('private')).toBe(false);
  expect(d.has('no-store')).toBe(false);
  const sMaxAge = Number(d.get('s-maxage'));
  const swr = Number(d.get('stale-while-revalidate'));
  // The wall is live: a CDN copy older than a few seconds would lag the screens.
  expect(sMaxAge).toBeGreaterThanOrEqual(1);
  expect(sMaxAge).toBeLessThanOrEqual(10);
  expect(swr).toBeGreaterThan(sMaxAge);
  // Browsers (and the page's own fetches) always revalidate; only shared caches hold it.
  expect(d.get('max-age')).toBe('0');
});

test('the public policy is built from whole seconds and never negative', () => {
  expect(publicCacheControl({ sharedMaxAgeSeconds: 5, staleWhileRevalidateSeconds: 30 })).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
  expect(publicCacheControl({ sharedMaxAgeSeconds: 2.9, staleWhileRevalidateSeconds: -4 })).toBe('public, max-age=0, s-maxage=2, stale-while-revalidate=0');
});

test('a gated dashboard opened with a valid link stays private and unstored', async () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const token = await sealShareToken({ slug: 'linked', v: 1, exp: Math.floor(now.getTime() / 1000) + 3600 }, PASSWORD);
  const result = await decideAccess({ slug: 'linked', dashboards, token, sessionSeal: undefined, password: PASSWORD, now });
  if (!result.ok) throw new Error(`valid link refused: ${result.reason}`);
  expect(result.cacheControl).toBe(GATED_CACHE_CONTROL);
  const d = directives(result.cacheControl);
  expect(d.has('private')).toBe(true);
  expect(d.has('no-store')).toBe(true);
  expect(d.has('s-maxage')).toBe(false);
});
