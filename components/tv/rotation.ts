import type { SelectableView } from '@/lib/config/views';

// Which views a TV shows, in what order, for how long. The dashboard's config sets the default
// playlist; `view=` picks and orders views, `rotate=` sets one duration for all of them.

export type Slide = { view: SelectableView; seconds: number };

export const FALLBACK_SLIDE_SECONDS = 20;

export const VIEW_LABELS: Record<SelectableView, string> = {
  kpis: 'Key figures',
  stages: 'Pipeline by stage',
  funnel: 'Pipeline funnel',
  timeline: 'Expected close by month',
  deals: 'Top open deals',
  owners: 'Owners leaderboard',
  trend: 'New pipeline by week',
};

export function rotationPlan(configured: readonly Slide[], params: { views?: readonly SelectableView[]; rotateSeconds?: number }): Slide[] {
  const picked = params.views
    ? params.views.map((view) => ({ view, seconds: configured.find((s) => s.view === view)?.seconds ?? FALLBACK_SLIDE_SECONDS }))
    : configured.map((s) => ({ ...s }));
  const slides = picked.length > 0 ? picked : [{ view: 'kpis' as const, seconds: FALLBACK_SLIDE_SECONDS }];
  return params.rotateSeconds ? slides.map((s) => ({ ...s, seconds: params.rotateSeconds ?? s.seconds })) : slides;
}

export function nextSlideIndex(current: number, count: number): number {
  return count <= 1 ? 0 : (current + 1) % count;
}
