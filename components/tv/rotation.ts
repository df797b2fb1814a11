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

/** A published Twenty dashboard's slide: one tab (`tab-N`, 1-based in the board's order), titled as in Twenty. */
export type TabSlide = { tab: number; title: string; seconds: number };

/**
 * A board's TV rotation, from the live snapshot (tabs can change while the screen runs): the tabs
 * `view=tab-N` picks, in that order, or every tab; each `rotate=` seconds, else the fallback.
 * Tabs the board does not have are left out; none left is an empty plan (the wall says so).
 */
export function boardRotationPlan(tabs: readonly { title: string }[], params: { tabs?: readonly number[]; rotateSeconds?: number }): TabSlide[] {
  const seconds = params.rotateSeconds ?? FALLBACK_SLIDE_SECONDS;
  const numbers = params.tabs ?? tabs.map((_, i) => i + 1);
  return numbers.flatMap((tab) => {
    const found = tabs[tab - 1];
    return found ? [{ tab, title: found.title, seconds }] : [];
  });
}

/** What the progress bar names a slide by. */
export function slideLabel(slide: Slide | TabSlide): string {
  return 'view' in slide ? VIEW_LABELS[slide.view] : slide.title;
}

/** The slide's name in `data-view` (what `view=` calls it). */
export function slideKey(slide: Slide | TabSlide): string {
  return 'view' in slide ? slide.view : `tab-${slide.tab}`;
}
