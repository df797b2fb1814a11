// Twenty names its select-option colours; its current theme draws them from the Radix scales
// (step 9, the solid swatch). Mirroring them lets the wall match the CRM without any config.

const TWENTY_COLORS: Readonly<Record<string, string>> = {
  red: '#e5484d',
  ruby: '#e54666',
  crimson: '#e93d82',
  tomato: '#e54d2e',
  orange: '#f76b15',
  amber: '#ffc53d',
  yellow: '#f5d90a',
  gold: '#978365',
  bronze: '#a18072',
  brown: '#ad7f58',
  lime: '#a6d93f',
  grass: '#46a758',
  green: '#30a46c',
  jade: '#29a383',
  mint: '#5fd4b8',
  turquoise: '#12a594',
  teal: '#12a594',
  cyan: '#00a2c7',
  sky: '#68d4f5',
  blue: '#0090ff',
  iris: '#5b5bd6',
  indigo: '#3e63dd',
  violet: '#6e56cf',
  purple: '#8e4ec6',
  plum: '#ab4aba',
  pink: '#d6409f',
  gray: '#8d8d8d',
};

const FALLBACK = '#8d8d8d';

/** The hex colour for a Twenty colour name; unknown names fall back to Twenty's gray. */
export function stageColor(name: string): string {
  return TWENTY_COLORS[name.toLowerCase()] ?? FALLBACK;
}
