import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { computeKpis } from '@/lib/pipeline/kpis';
import type { Conversion } from '@/lib/pipeline/money/totals';
import { compareText, type StageCatalog } from '@/lib/pipeline/stage-catalog';
import type { DealGroup, OwnerData, OwnerSummary } from '@/lib/pipeline/types';

// The owners leaderboard. Each owner's figures are the KPIs computed over that owner's buckets
// alone (computeKpis), so "open" is kpis.openValue's rule (open stages in scope) and "won" is
// kpis.wonThisPeriod's (won stages, close date in a month of the period), with the same
// conversion: currencies without a rate stay apart in `other`. Summed over owners, the counts
// and the unconverted amounts equal the dashboard's own tiles; a converted total is rounded once
// per owner and currency, so the owners' sum may differ from the tile by up to one micro per
// owner per converted currency.

export const NO_OWNER_NAME = 'No owner';
/** A member id Twenty's workspaceMembers no longer answers for (a removed member). */
export const UNKNOWN_OWNER_NAME = 'Unknown member';

type KpiDashboard = Pick<DashboardConfig, 'period' | 'timeZone' | 'goal' | 'lostStages'>;

function byOwner(owners: OwnerData, catalog: StageCatalog): Map<string | null, DealGroup[]> {
  const map = new Map<string | null, DealGroup[]>();
  for (const { ownerId, ...group } of owners.groups) {
    // The same stage filter the snapshot applies to its own buckets (snapshot.ts).
    if (!catalog.includes(group.stage)) continue;
    const list = map.get(ownerId) ?? [];
    list.push(group);
    map.set(ownerId, list);
  }
  return map;
}

const displayMicros = (total: { amountMicros: string }) => BigInt(total.amountMicros);

function compareBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * Leaderboard order: won this period (display amount, then count), then open pipeline (display
 * amount, then count), then name and id so equal rows keep one order. "No owner" is not a person
 * on the board: it always comes last.
 */
export function compareOwners(a: OwnerSummary, b: OwnerSummary): number {
  if ((a.id === null) !== (b.id === null)) return a.id === null ? 1 : -1;
  return (
    compareBig(displayMicros(a.won), displayMicros(b.won)) ||
    b.won.count - a.won.count ||
    compareBig(displayMicros(a.open), displayMicros(b.open)) ||
    b.open.count - a.open.count ||
    compareText(a.name, b.name) ||
    compareText(a.id ?? '', b.id ?? '')
  );
}

/** Owners with an open deal or a deal won this period, in leaderboard order. */
export function buildOwners(owners: OwnerData, catalog: StageCatalog, conversion: Conversion, dashboard: KpiDashboard, now: Date): OwnerSummary[] {
  const rows: OwnerSummary[] = [];
  for (const [id, groups] of byOwner(owners, catalog)) {
    const kpis = computeKpis(groups, catalog, conversion, { ...dashboard, goal: undefined }, now);
    if (kpis.openCount === 0 && kpis.wonThisPeriod.count === 0) continue;
    rows.push({
      id,
      name: id === null ? NO_OWNER_NAME : (owners.names[id] ?? UNKNOWN_OWNER_NAME),
      open: { ...kpis.openValue, count: kpis.openCount },
      won: kpis.wonThisPeriod,
    });
  }
  return rows.sort(compareOwners);
}
