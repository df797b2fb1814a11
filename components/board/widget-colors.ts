import { stageColor } from '@/components/charts/stage-colors';

// A widget's colours in Twenty's palette (components/charts/stage-colors.ts): its configured colour
// first, then the others in Twenty's colour-wheel order, so each series or slice stays apart.

const WHEEL = [
  'blue', 'iris', 'violet', 'purple', 'plum', 'pink', 'crimson', 'ruby', 'red', 'tomato', 'orange', 'amber',
  'yellow', 'lime', 'grass', 'green', 'jade', 'mint', 'turquoise', 'cyan', 'sky', 'bronze', 'gold', 'brown', 'gray',
] as const;

/** Neighbours on the wheel look alike; stepping by 5 of 25 keeps consecutive series distinct. */
const STEP = 5;

export function widgetColors(color: string | undefined, count: number): string[] {
  const start = Math.max(0, WHEEL.indexOf((color ?? 'blue').toLowerCase() as (typeof WHEEL)[number]));
  return Array.from({ length: count }, (_, i) => {
    // The configured colour itself first, even one off the wheel (Twenty's older names: teal, indigo).
    if (i === 0 && color) return stageColor(color);
    const name = WHEEL[(start + ((i * STEP) % WHEEL.length) + Math.floor((i * STEP) / WHEEL.length)) % WHEEL.length] ?? 'gray';
    return stageColor(name);
  });
}
