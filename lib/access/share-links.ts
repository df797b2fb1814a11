import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { sealShareToken } from '@/lib/access/share-token';

// The three URLs a share link comes as: the page, the iframe embed and the TV, each carrying the
// same token. Used by scripts/share-link.ts; kept here so tests make links exactly as operators do.

export type ShareLinks = { page: string; embed: string; tv: string; token: string | null; expiresAt: Date | null };

export async function makeShareLinks(
  dashboard: DashboardConfig,
  opts: { baseUrl: string; password: string | undefined; expiresInSeconds: number; now: Date },
): Promise<ShareLinks> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const slug = encodeURIComponent(dashboard.slug);
  const plain = { page: `${base}/d/${slug}`, embed: `${base}/embed/${slug}`, tv: `${base}/tv/${slug}` };
  if (dashboard.access === 'public') return { ...plain, token: null, expiresAt: null };
  if (!opts.password || opts.password.length < 32) {
    throw new Error(`SESSION_PASSWORD is required (at least 32 characters) to make links for "${dashboard.slug}"`);
  }
  const exp = Math.floor(opts.now.getTime() / 1000) + opts.expiresInSeconds;
  const token = await sealShareToken({ slug: dashboard.slug, exp, v: dashboard.tokenVersion }, opts.password);
  const query = `?token=${encodeURIComponent(token)}`;
  return { page: plain.page + query, embed: plain.embed + query, tv: plain.tv + query, token, expiresAt: new Date(exp * 1000) };
}
