// The translation held to `viewId`: for every saved view of the workspace (the seed's and one per
// operand and encoding), read the way the app reads it, translated, and the group-by totals (count
// and amount per stage and currency) with `viewId` must equal those with the translated `filter`.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import type { Transport } from '@/lib/twenty/transport';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { readOpportunityFields, readView, type OpportunityFields } from '@/lib/twenty/views/read-view';
import type { Sandbox } from '@/sandbox/index';
import { createView, NOW, startViewWorkspace, transportTo, VIEWS } from '@/tests/unit/twenty/views/view-workspace';

let sandbox: Sandbox;
let transport: Transport;
let opportunity: OpportunityFields;
const ids = new Map<string, string>();

beforeAll(async () => {
  sandbox = await startViewWorkspace();
  for (const spec of VIEWS) ids.set(spec.name, await createView(sandbox, spec));
  transport = transportTo(sandbox);
  opportunity = await readOpportunityFields(transport);
}, 30_000);
afterAll(async () => {
  await sandbox.close();
});

const groupsSchema = z.object({
  opportunitiesGroupBy: z.array(z.object({ groupByDimensionValues: z.array(z.string().nullable()), totalCount: z.number(), sumAmountAmountMicros: z.number().nullable() })),
});
const GROUP_BY = `query ViewTotals($viewId: UUID, $filter: OpportunityFilterInput) {
  opportunitiesGroupBy(groupBy: [{ stage: true }, { amount: { currencyCode: true } }], viewId: $viewId, filter: $filter, limit: 1000) {
    groupByDimensionValues totalCount sumAmountAmountMicros
  }
}`;

/** Totals per stage × currency, keyed (groups come back in no particular order). */
async function totals(variables: { viewId?: string; filter?: unknown }): Promise<Record<string, { count: number; sum: number | null }>> {
  const data = await transport.runQuery({ document: GROUP_BY, variables, schema: groupsSchema });
  return Object.fromEntries(data.opportunitiesGroupBy.map((g) => [JSON.stringify(g.groupByDimensionValues), { count: g.totalCount, sum: g.sumAmountAmountMicros }]));
}
const countOf = (t: Record<string, { count: number }>) => Object.values(t).reduce((n, g) => n + g.count, 0);

const SEEDED = ['Big deals', 'New or huge', 'By Stage', 'All Opportunities'];

test.each([...SEEDED, ...VIEWS.filter((v) => !v.visibility).map((v) => v.name)])('"%s": totals with viewId equal totals with the translated filter', async (name) => {
  const view = await readView(transport, name, opportunity.objectMetadataId);
  const translation = translateFilterSet(view.filterSet, { fields: opportunity.fields, now: NOW, zone: 'UTC' });
  if (!translation.ok) throw new Error(`refused: ${translation.refusal.message}`);
  const [withView, withFilter, all] = await Promise.all([totals({ viewId: view.id }), totals({ filter: translation.filter ?? undefined }), totals({})]);
  expect(withFilter).toEqual(withView);
  // Each view keeps some deals and (unless it filters nothing) leaves some out, so equality means something.
  expect(countOf(withView)).toBeGreaterThan(0);
  if (translation.filter === null) expect(withView).toEqual(all);
  else expect(countOf(withView)).toBeLessThan(countOf(all));
});

test('an UNLISTED view, named by id, and combined with a filter of the dashboard', async () => {
  const id = ids.get('Private customers') ?? '';
  const view = await readView(transport, id, opportunity.objectMetadataId);
  const translation = translateFilterSet(view.filterSet, { fields: opportunity.fields, now: NOW, zone: 'UTC' });
  if (!translation.ok || !translation.filter) throw new Error('expected a filter');
  const euro = { amount: { currencyCode: { in: ['EUR'] } } };
  expect(await totals({ filter: { and: [euro, translation.filter] } })).toEqual(await totals({ viewId: id, filter: euro }));
});
