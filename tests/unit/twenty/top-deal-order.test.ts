import { parseValue, valueFromASTUntyped } from 'graphql';
import { expect, test } from 'vitest';
import { compareTopDeals, TOP_DEALS_ORDER_BY } from '@/lib/twenty/top-deals';
import { paginate } from '@/sandbox/query/find-many';
import { opportunitySpec } from '@/sandbox/records/object-specs';
import type { OpportunityRow } from '@/sandbox/records/types';

// The order the top-deals document asks Twenty for, and the comparator the webhook path keeps
// the page in (lib/live/apply-top-deals.ts), must be one order: checked against the demo
// workspace's orderBy engine (NULLS LAST, id as the tie-breaker) on ties and missing amounts.

const actor = { source: 'MANUAL', workspaceMemberId: null, name: '' };
const AMOUNTS = [null, 5_000_000n, 7_000_000n, 5_000_000n, null, 0n, 7_000_000n, 12_000_000n, 5_000_000n, 1n];

const deals = AMOUNTS.map((amountMicros, i) => ({ id: `00000000-0000-4000-8000-${String((i * 7) % 10).padStart(12, '0')}`, amountMicros }));

function rowOf(d: (typeof deals)[number]): OpportunityRow {
  return {
    id: d.id, name: d.id, amountMicros: d.amountMicros === null ? null : Number(d.amountMicros), currencyCode: 'USD', closeDate: null,
    stage: 'NEW', position: 0, createdBy: actor, updatedBy: actor, createdAt: 0, updatedAt: 0, deletedAt: null,
    companyId: null, pointOfContactId: null, ownerId: null,
  };
}

test('compareTopDeals sorts like Twenty runs TOP_DEALS_ORDER_BY', () => {
  const orderBy: unknown = valueFromASTUntyped(parseValue(TOP_DEALS_ORDER_BY));
  const upstream = paginate(deals.map(rowOf), opportunitySpec, { orderBy, first: deals.length }, { defaultSize: 60, maxSize: null }, { rank: () => 0, strict: true });
  const ours = [...deals].sort(compareTopDeals).map((d) => d.id);
  expect(upstream.page.map((r) => r.id)).toEqual(ours);
  // Not vacuous: the input order is neither the answer nor its id order.
  expect(ours).not.toEqual(deals.map((d) => d.id));
  expect(ours).not.toEqual(deals.map((d) => d.id).sort());
});
