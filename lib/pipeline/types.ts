// Shared contracts between lib/twenty (reads Twenty), lib/pipeline (pure summary),
// lib/cache (one snapshot per dashboard) and the UI. Money is always integer micros:
// bigint inside the server, decimal integer strings in anything serialised.

import type { FunnelStep, GoalProgress, WinRate } from '@/lib/pipeline/progress-types';
import type { CreatedBucket, CreatedPoint, CreatedWeeks } from '@/lib/pipeline/created-types';
import type { TickerItem, TickerKind } from '@/lib/pipeline/ticker-types';
import type { ViewScope } from '@/lib/pipeline/view-scope-types';
import type { BoardData, PublishedBoard, PublishedWidget } from '@/lib/pipeline/board-types';

export type { FunnelStep, GoalProgress, WinRate };
export type { CreatedBucket, CreatedPoint, CreatedWeeks };
export type { TickerItem, TickerKind };
export type { ViewScope };
export type { BoardData, PublishedBoard, PublishedWidget };

/** A stage option as Twenty's metadata describes it (value, label, colour name, order). */
export type StageOption = {
  value: string;
  label: string;
  /** Twenty colour name, e.g. "red", "sky", "turquoise". */
  color: string;
  position: number;
};

/**
 * One aggregate bucket, as Twenty's groupBy returns it: stage × currency × close month.
 * Every strategy (groupBy, per-stage aggregates, paging) produces the same buckets.
 */
export type DealGroup = {
  stage: string;
  /** null when the deal has no amount currency (null or ""). */
  currencyCode: string | null;
  /** "YYYY-MM" of the close date, null when the deal has no close date. */
  closeMonth: string | null;
  /** Deals in the bucket, including deals whose amount is null. */
  count: number;
  /** Sum of the non-null amountMicros in the bucket. */
  amountMicros: bigint;
  /**
   * Deals in the bucket whose amountMicros is not null, for the average deal size. Every strategy
   * sets it (lib/twenty/priced-count.ts; never Twenty's countNotEmptyAmount, which on 2.21 counts
   * `{amountMicros: null, currencyCode: "USD"}` as not empty). Optional for older cached snapshots:
   * when absent, every deal of a bucket with a currency code counts.
   */
  amountCount?: number;
};

/** A bucket of one owner's deals; ownerId null = deals without an owner. */
export type OwnerDealGroup = DealGroup & { ownerId: string | null };

/** Owners' buckets and names, read only for a dashboard whose fields include "owner". */
export type OwnerData = {
  groups: OwnerDealGroup[];
  /** Display names by workspace member id; a member that cannot be read is absent. */
  names: Record<string, string>;
};

/** A record, reduced to the fields the app may ever read. */
export type Deal = {
  id: string;
  name: string | null;
  stage: string;
  amountMicros: bigint | null;
  currencyCode: string | null;
  closeDate: string | null;
  companyName: string | null;
  updatedAt: string;
};

export type FetchStrategy = 'groupBy' | 'aggregate' | 'paging';

/** What lib/twenty hands to lib/pipeline for one dashboard. */
export type PipelineData = {
  stageOptions: StageOption[];
  stageOptionsSource: 'metadata' | 'default';
  groups: DealGroup[];
  /** Largest open deals first, already limited to the dashboard's topDeals count. */
  topDeals: Deal[];
  strategy: FetchStrategy;
  /** Present only when the dashboard asks for owners and the server has them (Twenty ≥ 1.16). */
  owners?: OwnerData;
  /** Deals created in each of the last 12 weeks; absent in data from before the trend. */
  created?: CreatedWeeks;
  /** ISO time the upstream answers were read. */
  fetchedAt: string;
  /** The saved view that scoped this fetch (a dashboard's `twentyView`), for the webhook path. */
  view?: ViewScope;
  /** A published Twenty dashboard (`twentyDashboard`): its widgets' figures; groups are then empty. */
  board?: BoardData;
};

/** An amount in one currency, serialised. */
export type Money = { currencyCode: string; amountMicros: string };

/**
 * A total in the dashboard's display currency. Currencies with a configured rate are converted
 * into `amountMicros` (and `converted` says so); currencies without a rate are never added:
 * they stay apart in `other`.
 */
export type MoneyTotal = {
  currency: string;
  amountMicros: string;
  converted: boolean;
  other: Money[];
};

export type StageSummary = StageOption & {
  count: number;
  amountMicros: string;
  converted: boolean;
  other: Money[];
  isWon: boolean;
  isLost: boolean;
  /** false when deals carry a stage value that Twenty's metadata no longer lists. */
  known: boolean;
};

export type Kpis = {
  openValue: MoneyTotal;
  openCount: number;
  /** Open value / open deals with an amount; null when there are none. */
  averageDeal: MoneyTotal | null;
  wonThisPeriod: MoneyTotal & { count: number };
  wonPreviousPeriod: MoneyTotal & { count: number };
  closingThisMonth: MoneyTotal & { count: number };
  period: 'month' | 'quarter' | 'year';
  /** Progress towards the dashboard's goal; null without one. Absent in snapshots from before goals. */
  goal?: GoalProgress | null;
  /** Deals won and lost this period. Absent in snapshots from before win rates. */
  winRate?: WinRate;
};

/**
 * One row of the owners leaderboard (lib/pipeline/owners.ts): open deals in scope and deals won
 * this period, by the KPIs' own rules and conversion. id null = "No owner".
 */
export type OwnerSummary = {
  id: string | null;
  name: string;
  open: MoneyTotal & { count: number };
  won: MoneyTotal & { count: number };
};

export type TimelinePoint = MoneyTotal & { month: string; count: number };

/** A top deal carries only the fields the dashboard allows; others are absent. */
export type TopDeal = {
  id: string;
  name?: string | null;
  amountMicros?: string | null;
  currencyCode?: string | null;
  stage?: string;
  stageLabel?: string;
  closeDate?: string | null;
  companyName?: string | null;
};

export type StaleReason = 'unreachable' | 'rate_limited' | 'auth' | 'rejected' | 'timeout' | 'upstream_error';

/** The summary every surface renders (page, embed, TV, JSON, SSE). */
export type Snapshot = {
  slug: string;
  title: string;
  currency: string;
  locale: string;
  timeZone: string;
  asOf: string;
  /** Changes when, and only when, the content changes. */
  version: string;
  stale: boolean;
  staleReason: StaleReason | null;
  staleSince: string | null;
  stages: StageSummary[];
  kpis: Kpis;
  timeline: TimelinePoint[];
  /** Absent in snapshots from before the funnel: the browser derives it from `stages` then. */
  funnel?: FunnelStep[];
  /** New pipeline by week created, oldest first. Absent in snapshots from before the trend. */
  created?: CreatedPoint[];
  topDeals: TopDeal[];
  /** Only when the dashboard's fields include "owner" (and Twenty has owners); leaderboard order. */
  owners?: OwnerSummary[];
  /** The record fields this dashboard allows in lists. */
  fields: string[];
  rates: Record<string, string>;
  strategy: FetchStrategy;
  demo: boolean;
  /** A published Twenty dashboard: its name and tabs. Its pipeline fields are then empty. */
  board?: PublishedBoard;
  /** The published dashboard's widgets, with Twenty's own figures. */
  widgets?: PublishedWidget[];
  /** Recent moves, newest first (at most 20), redacted to the dashboard's fields. */
  ticker?: TickerItem[];
};

/** A snapshot before the cache stamps version and freshness on it. */
export type SnapshotContent = Omit<Snapshot, 'version' | 'stale' | 'staleReason' | 'staleSince' | 'asOf'>;
