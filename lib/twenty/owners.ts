import type { OwnerData } from '@/lib/pipeline/types';
import { createMemberNames } from '@/lib/twenty/member-names';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';
import type { Log, Transport } from '@/lib/twenty/transport';

// The owners part of a dashboard's PipelineData. Owners exist from Twenty 1.16 (`ownerId`); the
// groupBy and paging strategies read them with the KPIs' own buckets (owner-groups.ts). The
// aggregate strategy (no groupBy, or forced) reads none: per-owner totals would cost a total per
// owner × stage × currency, so such a dashboard shows no leaderboard. Either way, one warning
// per dashboard names it; nothing else about the dashboard changes.

export type OwnerReader = (ctx: StrategyContext, result: StrategyResult) => Promise<OwnerData | undefined>;

export function createOwnerReader(transport: Transport, namesTtlMs: number, log: Log): OwnerReader {
  const memberNames = createMemberNames(transport, namesTtlMs, log);
  const warned = new Set<string>();
  const warnOnce = (slug: string, reason: string) => {
    if (warned.has(slug)) return;
    warned.add(slug);
    log({ level: 'warn', event: 'twenty.owners_unavailable', dashboard: slug, reason });
  };
  return async (ctx, result) => {
    if (!ctx.dashboard.fields.includes('owner')) return undefined;
    if (!ctx.caps.ownerFilter) {
      warnOnce(ctx.dashboard.slug, `dashboard ${ctx.dashboard.slug}: owners need Twenty 1.16 or later (this server's opportunities have no owner)`);
      return undefined;
    }
    if (!result.ownerGroups) {
      warnOnce(ctx.dashboard.slug, `dashboard ${ctx.dashboard.slug}: the aggregate strategy reads no owners (groupBy or paging does)`);
      return undefined;
    }
    const ids = [...new Set(result.ownerGroups.flatMap((g) => (g.ownerId === null ? [] : [g.ownerId])))].sort();
    return { groups: result.ownerGroups, names: await memberNames.namesOf(ids, ctx.caps.pageSize) };
  };
}
