import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Deal, DealGroup, OwnerDealGroup } from '@/lib/pipeline/types';
import type { CallBudget } from '@/lib/twenty/budget';
import type { Capabilities } from '@/lib/twenty/capabilities';
import type { FilterPart, OpportunityFilterInput } from '@/lib/twenty/filters';
import type { Log, Transport } from '@/lib/twenty/transport';

/** Everything a fetch strategy needs for one dashboard refresh. */
export type StrategyContext = {
  transport: Transport;
  caps: Capabilities;
  budget: CallBudget;
  log: Log;
  dashboard: DashboardConfig;
  now: Date;
  /** The dashboard's locked filter as `and` parts. */
  filterParts: FilterPart[];
  /** Stage values to total per stage (aggregate strategy): known stages the filter allows. */
  stages: string[];
  /** Known stages the filter allows that are neither won nor lost. */
  openStages: string[];
  /** The top-deals filter (dashboard filter + open stages); null when no stage is open. */
  openFilter: OpportunityFilterInput | null;
  topDealsLimit: number;
  /**
   * The dashboard's saved view, when group-by can apply it itself: group-by sends `viewId` with
   * the file's own filter parts (`fileParts`); everything else reads `filterParts`, which hold
   * the view's translation too (lib/twenty/views/dashboard-view.ts).
   */
  view?: { id: string; fileParts: FilterPart[] } | null;
};

export type StrategyResult = {
  groups: DealGroup[];
  /** Present when the strategy read them along the way (groupBy does, in the same request). */
  topDeals: Deal[] | null;
  /** Owners' buckets, when the dashboard wants owners and the strategy reads them (groupBy, paging). */
  ownerGroups?: OwnerDealGroup[];
};
