import { z } from 'zod';
import type { AllowedField, DashboardConfig } from '@/lib/config/dashboard-schema';
import { isPriced } from '@/lib/pipeline/group-totals';
import { isOpenStage, type StageRoles } from '@/lib/pipeline/stage-kind';
import type { Deal } from '@/lib/pipeline/types';
import type { ScopeMatch } from '@/lib/twenty/deal-scope';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { amountSchema, microsOrFail } from '@/lib/twenty/records';
import type { Log } from '@/lib/twenty/transport';

// The largest open deals: ONE page of N ordered by amount (paging an amount order loses
// records on v0.55, and one page never pages). Only the fields the dashboard allows are asked
// for — plus id, stage and updatedAt — and never anything about people. What a top deal is
// (in scope, open stage), the page's order and what a listed deal carries are decided here
// once: the webhook path (lib/live/apply-top-deals.ts) keeps the same page with these rules.

export const MAX_TOP_DEALS = 60;

/** Deals on the page: the dashboard's count, never more than one page. */
export function topDealsLimitOf(dashboard: Pick<DashboardConfig, 'topDeals'>): number {
  return Math.min(dashboard.topDeals, MAX_TOP_DEALS);
}

/** A deal qualifies when it is in the dashboard's scope and its stage is open (the query's openFilter). */
export function topDealCandidate(match: ScopeMatch, stage: string, dashboard: StageRoles): ScopeMatch {
  return match === true ? isOpenStage(dashboard, stage) : match;
}

export const TOP_DEALS_ORDER_BY = '[{ amount: { amountMicros: DescNullsLast } }]';
/** Twenty's names of the fields the page's order reads (id, its tie-breaker, never changes). */
export const ORDER_FIELDS = ['amount'] as const;

/** The page's order as Twenty sorts it (TOP_DEALS_ORDER_BY), then by id: Twenty's own tie-breaker. */
export function compareTopDeals(a: Pick<Deal, 'id' | 'amountMicros'>, b: Pick<Deal, 'id' | 'amountMicros'>): number {
  if (a.amountMicros !== b.amountMicros) {
    if (!isPriced(a.amountMicros)) return 1;
    if (!isPriced(b.amountMicros)) return -1;
    return a.amountMicros > b.amountMicros ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Per allowed field: what the page selects, and the Deal properties that selection fills. */
const LISTED: Record<AllowedField, { selection: string; fills: readonly (keyof Deal)[] }> = {
  name: { selection: 'name', fills: ['name'] },
  amount: { selection: 'amount { amountMicros currencyCode }', fills: ['amountMicros', 'currencyCode'] },
  stage: { selection: '', fills: [] }, // always selected: the catalog needs it
  closeDate: { selection: 'closeDate', fills: ['closeDate'] },
  company: { selection: 'company { name }', fills: ['companyName'] },
  owner: { selection: '', fills: [] }, // the owners leaderboard's, never a top deal's
};

export function topDealsNodeSelection(fields: readonly AllowedField[]): string {
  const extra = [...new Set(fields)].map((f) => LISTED[f].selection).filter((s) => s !== '');
  return ['id', 'stage', 'updatedAt', ...extra].join(' ');
}

/** The deal as the page returns it for these fields: what was not selected reads as null. */
export function asListed(deal: Deal, fields: ReadonlySet<AllowedField>): Deal {
  const filled = new Set([...fields].flatMap((f) => LISTED[f].fills));
  const keep = <K extends keyof Deal>(key: K): Deal[K] | null => (filled.has(key) ? deal[key] : null);
  return {
    id: deal.id,
    name: keep('name'),
    stage: deal.stage,
    amountMicros: keep('amountMicros'),
    currencyCode: keep('currencyCode'),
    closeDate: keep('closeDate'),
    companyName: keep('companyName'),
    updatedAt: deal.updatedAt,
  };
}

/** The root field, to stand alone or beside a groupBy (a different root field, so 2.x allows it). */
export function topDealsRootField(fields: readonly AllowedField[], withEdges: boolean): string {
  const edges = withEdges ? ` edges { node { ${topDealsNodeSelection(fields)} } }` : '';
  const paging = withEdges ? `, first: $topFirst, orderBy: ${TOP_DEALS_ORDER_BY}` : '';
  return `topDeals: opportunities(filter: $openFilter${paging}) { totalCount${edges} }`;
}

export function topDealsVariableDefinitions(withEdges: boolean): string {
  return withEdges ? '$openFilter: OpportunityFilterInput, $topFirst: Int' : '$openFilter: OpportunityFilterInput';
}

export function topDealsDocument(fields: readonly AllowedField[], withEdges: boolean): string {
  return `query TopDeals(${topDealsVariableDefinitions(withEdges)}) { ${topDealsRootField(fields, withEdges)} }`;
}

const topNodeSchema = z.object({
  id: z.string(),
  stage: z.string(),
  updatedAt: z.string(),
  name: z.string().nullish(),
  amount: amountSchema,
  closeDate: z.string().nullish(),
  company: z.object({ name: z.string().nullish() }).nullish(),
});

export const topDealsFieldSchema = z.object({
  totalCount: z.number().int().nonnegative(),
  edges: z.array(z.object({ node: topNodeSchema })).optional(),
});

export function toDeals(field: z.infer<typeof topDealsFieldSchema>, limit: number, log: Log): Deal[] {
  return (field.edges ?? []).slice(0, limit).map(({ node }) => ({
    id: node.id,
    name: node.name ?? null,
    stage: node.stage,
    amountMicros: microsOrFail(node.amount?.amountMicros, 'amount.amountMicros', log),
    currencyCode: normaliseCurrency(node.amount?.currencyCode),
    closeDate: node.closeDate ?? null,
    companyName: node.company?.name ?? null,
    updatedAt: node.updatedAt,
  }));
}
