import 'server-only';
import { getContext } from '@/lib/server/context';
import { embedFrameHeaders, noFrameHeaders, type FrameHeaders } from '@/lib/access/frame-policy';
import type { Surface } from '@/lib/access/access-page';

/** Framing headers for a surface: an embed follows its dashboard's allowedOrigins, read now. */
export function frameHeadersFor(surface: Surface, slug: string): FrameHeaders {
  if (surface !== 'embed') return noFrameHeaders();
  const dashboard = getContext().dashboards.get(slug);
  return dashboard ? embedFrameHeaders(dashboard.allowedOrigins) : noFrameHeaders();
}

export const SURFACE_PATH = /^\/(d|embed|tv)\/([^/]+)\/?$/;
const SURFACES: Record<string, Surface> = { d: 'page', embed: 'embed', tv: 'tv' };

export function surfaceOf(pathname: string): { surface: Surface; slug: string } | null {
  const match = SURFACE_PATH.exec(pathname);
  const surface = match ? SURFACES[match[1] ?? ''] : undefined;
  if (!match || !surface) return null;
  try {
    return { surface, slug: decodeURIComponent(match[2] ?? '') };
  } catch {
    return { surface, slug: '' };
  }
}
