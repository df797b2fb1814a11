// viewId on group-by against its captured equivalents: the real server answered each saved view
// exactly as an explicit filter (views-dashboards/q2-_summary.json), so the demo workspace must too.
// The replica's own deals seldom reach A's 1,000,000 or F's "iPhone", so deals that sit on each
// view's edges are added first (amounts at and just below the thresholds, New York vs UTC year
// ends, "iPhone" in any case, the IS_AFTER instant itself).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { loadCapture, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';
import { KEYS, replay, startReplica } from '@/tests/unit/sandbox/conformance/replay';
import { idMap, loadViewsReplica, remapIds } from '@/tests/unit/sandbox/conformance/views-replica';

const TIM = '20202020-0687-4c41-b707-ed1bfca972a7';
const usd = (units: number) => ({ amountMicros: units * 1_000_000, currencyCode: 'USD' });
const EDGE_DEALS = [
  { name: 'Edge big proposal', stage: 'PROPOSAL', amount: usd(1_500_000) },
  { name: 'Edge customer at the threshold', stage: 'CUSTOMER', amount: usd(1_000_000) },
  { name: 'Edge proposal just below', stage: 'PROPOSAL', amount: { amountMicros: 999_999_999_999, currencyCode: 'USD' } },
  { name: 'Edge huge meeting', stage: 'MEETING', amount: usd(2_500_000) },
  { name: 'Edge iPhone upgrade', stage: 'NEW', amount: usd(10_000) },
  { name: 'Edge IPHONE fleet', stage: 'SCREENING', amount: usd(20_000), ownerId: TIM },
  { name: 'Edge New Year in UTC only', stage: 'SCREENING', closeDate: '2026-01-01T02:00:00.000Z' },
  { name: 'Edge New Year in New York only', stage: 'MEETING', closeDate: '2027-01-01T03:00:00.000Z', ownerId: TIM },
  { name: 'Edge at the IS_AFTER instant', stage: 'PROPOSAL', closeDate: '2026-11-01T00:00:00.000Z' },
];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startReplica(460, {}, { clock: () => Date.parse('2026-11-30T16:40:00.000Z') });
  loadViewsReplica(sandbox);
  const made = await fetch(`${sandbox.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEYS.admin}` },
    body: JSON.stringify({ query: 'mutation($d:[OpportunityCreateInput!]!){ createOpportunities(data:$d){ id } }', variables: { d: EDGE_DEALS } }),
  });
  expect(((await made.json()) as { errors?: unknown }).errors).toBeUndefined();
}, 30_000);
afterAll(async () => {
  await sandbox.close();
});

type Groups = { opportunitiesGroupBy: { groupByDimensionValues: string[]; totalCount: number; sumAmountAmountMicros?: number }[] };

/** Replays a q2 capture as its caller; `filter` replaces its `filter` variable when given. */
async function groups(file: string, filter?: unknown): Promise<Groups> {
  const capture = loadCapture(REAL_221, `views-dashboards/q2-groupBy-stage-${file}.json`);
  const variables = remapIds(capture.request.body.variables ?? {}, idMap(sandbox));
  const token = file.endsWith('-readonly-key') ? KEYS.readOnly : KEYS.user;
  const answer = await replay(sandbox, capture, token, filter === undefined ? variables : { ...variables, f: filter });
  expect(answer.body).not.toHaveProperty('errors');
  return (answer.body as { data: Groups }).data;
}

const total = (g: Groups) => g.opportunitiesGroupBy.reduce((n, x) => n + x.totalCount, 0);

test.each([
  ['viewId-A-string-values-user-token', 'explicit-filter-equivalent-of-A-user-token'],
  ['viewId-A-string-values-readonly-key', 'explicit-filter-equivalent-of-A-readonly-key'],
  ['viewId-B-native-json-values-user-token', 'explicit-filter-equivalent-of-A-user-token'],
  ['viewId-C-or-group-2000000-user-token', 'explicit-filter-equivalent-of-C-2000000-user-token'],
  ['viewId-E-owner-relation-user-token', 'explicit-filter-ownerId-eq-user-token'],
  ['viewId-F-anyFieldFilterValue-iPhone-user-token', 'explicit-filter-name-ilike-iPhone-user-token'],
  ['viewId-H-closeDate-this-year-NY-user-token', 'explicit-closeDate-2026-NY-user-token'],
  ['viewId-kanban-no-filters-user-token', 'no-viewId-user-token'],
  ['viewId-person-view-user-token', 'no-viewId-user-token'],
])('%s answers as %s, as on the real server', async (withView, explicit) => {
  const [viewed, filtered] = await Promise.all([groups(withView), groups(explicit)]);
  expect(viewed).toEqual(filtered);
  expect(total(viewed)).toBeGreaterThan(0);
});

test('the views narrow what they should: A keeps the 1,000,000 threshold and drops the deal just below it', async () => {
  const a = await groups('viewId-A-string-values-user-token');
  expect(a.opportunitiesGroupBy.map((g) => g.groupByDimensionValues[0]).sort()).toEqual(['CUSTOMER', 'PROPOSAL']);
  expect(total(a)).toBe(2);
  expect(total(await groups('viewId-F-anyFieldFilterValue-iPhone-user-token'))).toBe(2);
});

test('a relative year runs in the zone written in the value: New York differs from UTC at both year ends', async () => {
  const [ny, utc] = await Promise.all([groups('viewId-H-closeDate-this-year-NY-user-token'), groups('explicit-closeDate-2026-UTC-user-token')]);
  const count = (g: Groups, stage: string) => g.opportunitiesGroupBy.find((x) => x.groupByDimensionValues[0] === stage)?.totalCount ?? 0;
  // The New-York-only deal is a MEETING, the UTC-only one a SCREENING.
  expect(count(ny, 'MEETING')).toBeGreaterThan(count(utc, 'MEETING'));
  expect(count(ny, 'SCREENING')).toBeLessThan(count(utc, 'SCREENING'));
});

test('IS_AFTER includes its own instant (gte, as the source reads it; the capture had no deal on it)', async () => {
  const [after, gte, gt] = await Promise.all([groups('viewId-I-closeDate-after-2026-11-01-user-token'), groups('explicit-closeDate-gte-2026-11-01-user-token'), groups('explicit-closeDate-gt-2026-11-01-user-token')]);
  expect(after).toEqual(gte);
  expect(total(after)).toBe(total(gt) + 1);
});

test('the filter argument is AND-ed with the view; UNLISTED and deleted views still apply, for the read-only key too', async () => {
  const customer = { stage: { eq: 'CUSTOMER' } };
  const a = remapIds(loadCapture(REAL_221, 'views-dashboards/q2-groupBy-stage-explicit-filter-equivalent-of-A-user-token.json').request.body.variables ?? {}, idMap(sandbox));
  expect(await groups('viewId-A-plus-filter-stage-CUSTOMER-readonly-key')).toEqual(await groups('no-viewId-user-token', { and: [a.f, customer] }));
  const customers = await groups('no-viewId-user-token', customer);
  for (const file of ['viewId-D-unlisted-readonly-key', 'viewId-D-unlisted-user-token', 'viewId-G-soft-deleted-view-readonly-key', 'viewId-G-soft-deleted-view-user-token']) {
    expect(await groups(file)).toEqual(customers);
  }
});
