import type { DashboardConfig } from '@/lib/config/dashboard-schema';

// The currencies the aggregate strategy (strategy-aggregate.ts) totals per stage from the config
// alone: the display currency and every rated one, plus "no currency". Any other code is found
// by discovery or paged as the rest, which the webhook path cannot see (lib/live/apply-groups.ts
// reads this to know which of a fetch's remainders came from aggregate totals).

export function configuredCurrencies(dashboard: Pick<DashboardConfig, 'currency' | 'rates'>): string[] {
  return [dashboard.currency, ...Object.keys(dashboard.rates)];
}

/** A bucket in this currency (normalised; null = none) is a per-stage total the config asked for. */
export function totalledByConfig(currencyCode: string | null, dashboard: Pick<DashboardConfig, 'currency' | 'rates'>): boolean {
  return currencyCode === null || configuredCurrencies(dashboard).includes(currencyCode);
}
