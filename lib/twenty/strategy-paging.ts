import { toFilterInput } from '@/lib/twenty/filters';
import { groupDeals } from '@/lib/twenty/group-deals';
import { ownersWanted, groupDealsByOwner } from '@/lib/twenty/owner-groups';
import { pageAllDeals } from '@/lib/twenty/pager';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';

// Strategy 3, the last resort: read stage, amount and close date of every matching deal and
// group them here (and by owner, reading ownerId too, when the dashboard shows owners).
// Costs ceil(deals / 60) calls; the pager logs how long that takes at budget.

export async function fetchWithPaging(ctx: StrategyContext): Promise<StrategyResult> {
  const deals = await pageAllDeals({
    transport: ctx.transport,
    filter: toFilterInput(ctx.filterParts),
    pageSize: ctx.caps.pageSize,
    log: ctx.log,
    budget: ctx.budget,
    purpose: 'all matching deals',
    withOwner: ownersWanted(ctx.dashboard, ctx.caps),
  });
  const tz = ctx.dashboard.timeZone;
  return { groups: groupDeals(deals, tz), topDeals: null, ...(ownersWanted(ctx.dashboard, ctx.caps) ? { ownerGroups: groupDealsByOwner(deals, tz) } : {}) };
}
