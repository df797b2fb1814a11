import type { DashboardVariant } from '@/lib/client/view-types';
import type { Snapshot } from '@/lib/pipeline/types';

/** What every view needs to format and draw: the dashboard's locale, currency, zone and look. */
export type Display = {
  locale: string;
  currency: string;
  timeZone: string;
  variant: DashboardVariant;
  /** False on first paint (nothing to animate from), true once the data has changed. */
  animate: boolean;
};

export function displayFor(snapshot: Snapshot, variant: DashboardVariant, animate: boolean): Display {
  return { locale: snapshot.locale, currency: snapshot.currency, timeZone: snapshot.timeZone, variant, animate };
}
