import type { SeedDeal } from './crm';

// A dashboard's locked filter, applied by the test itself to the workspace's records — written
// independently of lib/ (local calendar dates come from Intl, not from the app's zone code).

export type ShapeFilter = {
  stages?: string[];
  closeDate?: { relative: 'this-year' | 'this-month' } | { from: string; to: string };
  minAmountMicros?: string;
  ownerIds?: string[];
};

/** "YYYY-MM-DD" of an instant as a wall calendar in `timeZone` shows it. */
export function localDate(iso: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function inWindow(deal: SeedDeal, window: NonNullable<ShapeFilter['closeDate']>, timeZone: string, now: Date): boolean {
  if (deal.closeDate === null) return false;
  const day = localDate(deal.closeDate, timeZone);
  if ('from' in window) return day >= window.from && day <= window.to;
  const today = localDate(now, timeZone);
  return window.relative === 'this-year' ? day.slice(0, 4) === today.slice(0, 4) : day.slice(0, 7) === today.slice(0, 7);
}

export function inScope(deal: SeedDeal, filter: ShapeFilter, timeZone: string, now: Date): boolean {
  if (filter.stages && !filter.stages.includes(deal.stage)) return false;
  if (filter.closeDate && !inWindow(deal, filter.closeDate, timeZone, now)) return false;
  if (filter.minAmountMicros !== undefined && (deal.amountMicros === null || deal.amountMicros < BigInt(filter.minAmountMicros))) return false;
  if (filter.ownerIds && (deal.ownerId === null || deal.ownerId === undefined || !filter.ownerIds.includes(deal.ownerId))) return false;
  return true;
}

/** Half-up division of non-negative bigints, as a display of an average rounds. */
export function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}
