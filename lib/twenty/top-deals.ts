import { z } from 'zod';
import type { AllowedField } from '@/lib/config/dashboard-schema';
import type { Deal } from '@/lib/pipeline/types';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { amountSchema, microsOrFail } from '@/lib/twenty/records';
import type { Log } from '@/lib/twenty/transport';

// The largest open deals: ONE page of N ordered by amount (paging an amount order loses
// records on v0.55, and one page never pages). Only the fields the dashboard allows are asked
// for — plus id, stage and updatedAt — and never anything about people.

export const MAX_TOP_DEALS = 60;

const NODE_FIELDS: Record<AllowedField, string> = {
  name: 'name',
  amount: 'amount { amountMicros currencyCode }',
  stage: '',
  closeDate: 'closeDate',
  company: 'company { name }',
};

export function topDealsNodeSelection(fields: readonly AllowedField[]): string {
  const extra = [...new Set(fields)].map((f) => NODE_FIELDS[f]).filter((s) => s !== '');
  return ['id', 'stage', 'updatedAt', ...extra].join(' ');
}

/** The root field, to stand alone or beside a groupBy (a different root field, so 2.x allows it). */
export function topDealsRootField(fields: readonly AllowedField[], withEdges: boolean): string {
  const edges = withEdges ? ` edges { node { ${topDealsNodeSelection(fields)} } }` : '';
  const paging = withEdges ? ', first: $topFirst, orderBy: [{ amount: { amountMicros: DescNullsLast } }]' : '';
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
