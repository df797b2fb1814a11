import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { SnapshotContent } from '@/lib/pipeline/types';

/** What every snapshot says of its dashboard, pipeline or published Twenty dashboard. */
export function identityOf(dashboard: DashboardConfig): Pick<SnapshotContent, 'slug' | 'title' | 'currency' | 'locale' | 'timeZone'> {
  return { slug: dashboard.slug, title: dashboard.title, currency: dashboard.currency, locale: dashboard.locale, timeZone: dashboard.timeZone };
}
