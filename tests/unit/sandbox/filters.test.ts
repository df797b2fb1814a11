import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import type { OpportunityRow } from '@/sandbox/records/types';
import { dataOf, gql, start } from '@/tests/unit/sandbox/harness';

let sandbox: Sandbox;
let sandbox055: Sandbox;
beforeAll(async () => {
  [sandbox, sandbox055] = await Promise.all([start({ opportunities: 400 }), start({ opportunities: 400, twentyVersion: '0.55' })]);
});
afterAll(async () => {
  await Promise.all([sandbox.close(), sandbox055.close()]);
});

const DAY = 86_400_000;
const anchor = Date.parse('2026-11-26T00:00:00Z');

type Ids = { opportunities: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Every id the filter matches, paged 60 at a time the way a client must. */
async function idsFor(target: Sandbox, filter: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  do {
    const page: Ids = dataOf<Ids>(await gql(target, `query($f: OpportunityFilterInput, $after: String) { opportunities(filter: $f, first: 60, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { variables: { f: filter, after } }));
    ids.push(...page.opportunities.edges.map((e) => e.node.id));
    totalCount = page.opportunities.totalCount;
    after = page.opportunities.pageInfo.hasNextPage ? page.opportunities.pageInfo.endCursor : null;
  } while (after);
  expect(ids).toHaveLength(totalCount);
  return ids.sort();
}

const rowsWhere = (target: Sandbox, keep: (r: OpportunityRow) => boolean, withDeleted = false) =>
  target.store.opportunities.all().filter((r) => (withDeleted || r.deletedAt === null) && keep(r)).map((r) => r.id).sort();

const cases: [string, Record<string, unknown>, (r: OpportunityRow) => boolean][] = [
  ['stage in', { stage: { in: ['PROPOSAL', 'CUSTOMER'] } }, (r) => r.stage === 'PROPOSAL' || r.stage === 'CUSTOMER'],
  ['stage is NOT_NULL', { stage: { is: 'NOT_NULL' } }, () => true],
  ['amountMicros gte', { amount: { amountMicros: { gte: 50_000_000_000 } } }, (r) => r.amountMicros !== null && r.amountMicros >= 50_000_000_000],
  ['amountMicros lt as a BigFloat string', { amount: { amountMicros: { lt: '20000000000' } } }, (r) => r.amountMicros !== null && r.amountMicros < 20_000_000_000],
  ['amountMicros is NULL', { amount: { amountMicros: { is: 'NULL' } } }, (r) => r.amountMicros === null],
  ['currencyCode eq', { amount: { currencyCode: { eq: 'EUR' } } }, (r) => r.currencyCode === 'EUR'],
  ['currencyCode neq leaves out NULL but keeps ""', { amount: { currencyCode: { neq: 'USD' } } }, (r) => r.currencyCode !== null && r.currencyCode !== 'USD'],
  ['currencyCode in', { amount: { currencyCode: { in: ['EUR', 'GBP'] } } }, (r) => r.currencyCode === 'EUR' || r.currencyCode === 'GBP'],
  // 2.21 takes one operator per field object: a range is an `and` of two (misc/closeDate-and-split.json).
  ['closeDate range', { and: [{ closeDate: { gte: '2026-12-01T00:00:00.000Z' } }, { closeDate: { lt: '2027-01-01T00:00:00.000Z' } }] }, (r) => r.closeDate !== null && r.closeDate >= Date.parse('2026-12-01') && r.closeDate < Date.parse('2027-01-01')],
  ['name endsWith', { name: { endsWith: 'renewal' } }, (r) => r.name.endsWith('renewal')],
  ['closeDate is NULL', { closeDate: { is: 'NULL' } }, (r) => r.closeDate === null],
  ['name ilike', { name: { ilike: '%RENEWAL%' } }, (r) => r.name.toLowerCase().includes('renewal')],
  ['name like is case-sensitive', { name: { like: '%Platform%' } }, (r) => r.name.includes('Platform')],
  ['name startsWith', { name: { startsWith: 'Globex' } }, (r) => r.name.startsWith('Globex')],
  ['companyId is NULL', { companyId: { is: 'NULL' } }, (r) => r.companyId === null],
  ['and', { and: [{ stage: { in: ['NEW'] } }, { amount: { currencyCode: { eq: 'USD' } } }] }, (r) => r.stage === 'NEW' && r.currencyCode === 'USD'],
  ['or', { or: [{ stage: { in: ['NEW'] } }, { closeDate: { is: 'NULL' } }] }, (r) => r.stage === 'NEW' || r.closeDate === null],
  ['not follows SQL: NULL amounts match neither side', { not: { amount: { amountMicros: { gt: 100_000_000_000 } } } }, (r) => r.amountMicros !== null && r.amountMicros <= 100_000_000_000],
  ['createdBy source', { createdBy: { source: { eq: 'API' } } }, (r) => r.createdBy.source === 'API'],
];

test.each(cases)('filter: %s', async (_, filter, keep) => {
  const expected = rowsWhere(sandbox, keep);
  expect(expected.length).toBeGreaterThan(0);
  expect(await idsFor(sandbox, filter)).toEqual(expected);
});

test('soft-deleted deals stay hidden unless the filter names deletedAt anywhere', async () => {
  const deleted = rowsWhere(sandbox, (r) => r.deletedAt !== null, true);
  expect(deleted.length).toBeGreaterThan(0);
  const visible = await idsFor(sandbox, {});
  expect(visible.filter((id) => deleted.includes(id))).toEqual([]);
  expect(await idsFor(sandbox, { deletedAt: { is: 'NOT_NULL' } })).toEqual(deleted);
  const nested = await idsFor(sandbox, { or: [{ deletedAt: { is: 'NULL' } }, { deletedAt: { is: 'NOT_NULL' } }] });
  expect(nested).toEqual(rowsWhere(sandbox, () => true, true));
});

test('both versions take the six stage operators; 2.21 takes a quoted "NEW" too (no input validation)', async () => {
  const notNew = (target: Sandbox) => rowsWhere(target, (r) => r.stage !== 'NEW');
  expect(await idsFor(sandbox055, { stage: { neq: 'NEW' } })).toEqual(notNew(sandbox055));
  expect(await idsFor(sandbox, { stage: { neq: 'NEW' } })).toEqual(notNew(sandbox));
  const quoted = dataOf<{ opportunities: { totalCount: number } }>(await gql(sandbox, `{ opportunities(filter: { stage: { eq: "NEW" } }) { totalCount } }`, { capture: false }));
  expect(quoted.opportunities.totalCount).toBe(rowsWhere(sandbox, (r) => r.stage === 'NEW').length);
});

test('2.21 refuses a second operator on one field, composite subfields included; v0.55 applies both', async () => {
  const range = { closeDate: { gte: '2026-12-01T00:00:00.000Z', lt: '2027-01-01T00:00:00.000Z' } };
  const refused = await gql(sandbox, `query($f: OpportunityFilterInput) { opportunities(filter: $f) { totalCount } }`, { variables: { f: range } });
  expect(refused.body).toEqual({
    data: { opportunities: null },
    errors: [{ message: 'Filter for field "closeDate" must have exactly one operator', extensions: { subCode: 'INVALID_ARGS_FILTER', userFriendlyMessage: 'Invalid filter: exactly one operator per field is required', code: 'BAD_USER_INPUT' } }],
  });
  const amount = await gql(sandbox, `{ opportunities(filter: { amount: { amountMicros: { gte: 1, lte: 2 } } }) { totalCount } }`);
  expect(amount.body.errors?.[0]?.message).toBe('Filter for field "amount.amountMicros" must have exactly one operator');
  expect(await idsFor(sandbox055, range)).toEqual(rowsWhere(sandbox055, (r) => r.closeDate !== null && r.closeDate >= Date.parse('2026-12-01') && r.closeDate < Date.parse('2027-01-01')));
});

test('like is case-sensitive where ilike is not', async () => {
  expect(await idsFor(sandbox, { name: { like: '%platform%' } })).toEqual([]);
  expect((await idsFor(sandbox, { name: { ilike: '%platform%' } })).length).toBeGreaterThan(0);
});

test('close dates are UTC midnights within six months of the anchor', () => {
  for (const row of sandbox.store.opportunities.all()) {
    if (row.closeDate === null) continue;
    expect(row.closeDate % DAY).toBe(0);
    expect(Math.abs(row.closeDate - anchor)).toBeLessThanOrEqual(183 * DAY);
  }
});
