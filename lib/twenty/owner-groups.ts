import type { z } from 'zod';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { DealGroup, OwnerDealGroup } from '@/lib/pipeline/types';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { TwentyError } from '@/lib/twenty/errors';
import { addToGroup, compareGroups, dealGroupOf, groupKeyOf, settleGroups, type DealRecord } from '@/lib/twenty/group-deals';
import { toDealGroups, type groupByGroupSchema } from '@/lib/twenty/group-by-response';
import type { Log } from '@/lib/twenty/transport';

// Owners' buckets: the dashboard's stage × currency × close-month buckets, one set per owner.
// The groupBy strategy asks its one opportunitiesGroupBy for ownerId as a first dimension and
// splits it off here: the plain buckets (the KPIs') are the owners' buckets summed, so owners
// and KPIs come from the same answer and cannot disagree. Paging reads ownerId with the deal.
// Only for dashboards whose fields include "owner", on servers whose opportunities have one
// (Twenty ≥ 1.16, the same `ownerId` the ownerIds filter needs).

type RawGroup = z.infer<typeof groupByGroupSchema>;

/** Whether this dashboard's fetch should read owners from this server. */
export function ownersWanted(dashboard: Pick<DashboardConfig, 'fields'>, caps: Pick<Capabilities, 'ownerFilter'>): boolean {
  return dashboard.fields.includes('owner') && caps.ownerFilter;
}

function ownerIdOf(value: string | number | boolean | null | undefined): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || value === '') throw new TwentyError('upstream_error', 'groupBy owner value is not a workspace member id');
  return value;
}

function ownerKey(group: OwnerDealGroup): string {
  return JSON.stringify([group.ownerId, groupKeyOf(group)]);
}

/** Adds buckets of the same owner and key together, drops empty ones, in a stable order. */
export function mergeOwnerGroups(groups: Iterable<OwnerDealGroup>): OwnerDealGroup[] {
  const byKey = new Map<string, OwnerDealGroup>();
  for (const group of groups) {
    const seen = byKey.get(ownerKey(group));
    if (seen) addToGroup(seen, group);
    else byKey.set(ownerKey(group), { ...group });
  }
  const settled = settleGroups(byKey.values()) as OwnerDealGroup[];
  // No owner last; member ids in code-unit order (never locale order: the same list everywhere).
  const rank = (g: OwnerDealGroup) => (g.ownerId === null ? '\uffff' : g.ownerId);
  return settled.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : compareGroups(a, b)));
}

/** The groups as they would be without the owner dimension (to be merged: one per owner each). */
export function withoutOwner(raw: readonly RawGroup[]): RawGroup[] {
  return raw.map((g) => ({ ...g, groupByDimensionValues: (g.groupByDimensionValues ?? []).slice(1) }));
}

/** Owners' buckets from groups whose first value is the ownerId. */
export function toOwnerGroups(raw: readonly RawGroup[], log: Log): OwnerDealGroup[] {
  const plain = toDealGroups(withoutOwner(raw), log);
  return mergeOwnerGroups(plain.map((group: DealGroup, i) => ({ ...group, ownerId: ownerIdOf(raw[i]?.groupByDimensionValues?.[0]) })));
}

/** Owners' buckets from paged records (each with the ownerId the page read). */
export function groupDealsByOwner(deals: Iterable<DealRecord & { ownerId?: string | null }>, timeZone: string): OwnerDealGroup[] {
  return mergeOwnerGroups([...deals].map((deal) => ({ ...dealGroupOf(deal, timeZone), ownerId: deal.ownerId ?? null })));
}
