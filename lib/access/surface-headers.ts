import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { embedFrameHeaders, noFrameHeaders, type FrameHeaders } from '@/lib/access/frame-policy';
import type { Surface } from '@/lib/access/access-page';

/** Framing headers for a surface: an embed follows its dashboard's allowedOrigins (the caller looks it up). */
export function frameHeadersFor(surface: Surface, dashboard: Pick<DashboardConfig, 'allowedOrigins'> | undefined): FrameHeaders {
  if (surface !== 'embed') return noFrameHeaders();
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
