import { afterEach, describe, expect, test } from 'vitest';
import { dashboardSchema, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient } from '@/lib/twenty/client';
import { TwentyError } from '@/lib/twenty/errors';
import { startCannedServer, type CannedAnswer, type ReceivedRequest } from './helpers/canned-server';
import { readFixture } from './helpers/fixtures';
import { requestProblems } from './helpers/request-rules';

// The client against the answers real Twenty 2.21 gave Pipeline Wall (app-exchanges/): the
// capabilities it reads from them, and the requests it now sends for the dashboards of that run.

type Exchange = { request: { body: { variables?: Record<string, unknown> } }; response: { body: Record<string, unknown> } };
const exchange = (n: string) => readFixture(`real-2.21/app-exchanges/${n}.json`) as Exchange;
const KEY = 'replay-key-0123456789';
const NOW = new Date('2026-11-30T16:05:00Z');
const used = (readFixture('real-2.21/app-answers/dashboards.config.used.json') as { dashboards: unknown[] }).dashboards.map((d) => dashboardSchema.parse(d));
const board = (slug: string): DashboardConfig => {
  const found = used.find((d) => d.slug === slug);
  if (!found) throw new Error(`no dashboard ${slug}`);
  return found;
};

type GroupsAnswer = { opportunitiesGroupBy: Record<string, unknown>[]; topDeals: unknown };
const capturedGroups = () => structuredClone(exchange('0006').response.body) as { data: GroupsAnswer };

const isUnpricedQuery = (r: ReceivedRequest) => JSON.stringify(r.body.variables?.filter ?? {}).includes('"amountMicros":{"is":"NULL"}');

/** Answers as the captured 2.21 did; PipelineGroups with `groups` (the first raw load by default). */
function replay(groups: (r: ReceivedRequest) => CannedAnswer = () => ({ body: capturedGroups() })) {
  return (r: ReceivedRequest): CannedAnswer => {
    const query = r.body.query ?? '';
    if (query.includes('OpportunityStageOptions')) return { body: exchange('0001').response.body };
    if (query.includes('TwentyCapabilities')) return { body: exchange('0002').response.body };
    if (query.includes('TwentyTypeFields')) {
      const byName: Record<string, string> = { OpportunityConnection: '0003', OpportunityGroupByConnection: '0004', OpportunityGroupByInput: '0005' };
      const n = byName[String(r.body.variables?.name)];
      return n ? { body: exchange(n).response.body } : { body: { data: { __type: null } } };
    }
    if (query.includes('opportunitiesGroupBy')) return isUnpricedQuery(r) ? { body: { data: { opportunitiesGroupBy: [] } } } : groups(r);
    return { status: 500, body: { errors: [{ message: `unexpected ${query.slice(0, 40)}` }] } };
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function clientFor(answer: (r: ReceivedRequest) => CannedAnswer) {
  const server = await startCannedServer(answer);
  close = server.close;
  const twenty = createTwentyClient({ apiUrl: server.url, apiKey: KEY, budget: createCallBudget({ perMinute: 6000 }), log: () => {}, forceStrategy: 'groupBy' });
  return { server, twenty };
}

describe('capabilities from the real 2.21 introspection answers', () => {
  test('groupBy with a timeZone and a limit, the six-operator enum stage filter, owners, avg on groups', async () => {
    const { twenty } = await clientFor(replay());
    const caps = await twenty.capabilities();
    expect(caps).toMatchObject({
      groupBy: true,
      groupByTimeZone: true,
      stageFilter: { kind: 'enum', values: ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'] },
      ownerFilter: true,
      amountMicrosFilter: 'BigFloatFilter',
    });
    expect(caps.groupByArgs).toEqual(expect.arrayContaining(['groupBy', 'filter', 'limit', 'orderBy', 'viewId']));
    expect(caps.groupFields).toContain('avgAmountAmountMicros');
    expect(caps.assumed).toBeUndefined();
  });
});

describe('what the client sends for each dashboard of the captured run', () => {
  test.each(used.map((d) => [d.slug] as const))('%s: one operator per field, no variable directive, a timeZone on every month', async (slug) => {
    const { server, twenty } = await clientFor(replay());
    await twenty.fetchPipelineData(board(slug), NOW);
    expect(server.received.flatMap((r) => requestProblems(r.body))).toEqual([]);
    const groupBys = server.received.filter((r) => (r.body.query ?? '').includes('opportunitiesGroupBy'));
    expect(groupBys.length).toBeGreaterThan(0);
    for (const r of groupBys) expect(r.body.variables?.timeZone).toBe(board(slug).timeZone);
  });

  test('the close-date dashboard that 2.21 refused (0007) now goes out as an `and` of one-operator bounds', async () => {
    const refused = exchange('0007').request.body.variables?.filter;
    expect(requestProblems({ query: 'query($f: OpportunityFilterInput) { opportunities(filter: $f) { totalCount } }', variables: { f: refused } })).not.toEqual([]);
    const { server, twenty } = await clientFor(replay());
    await twenty.fetchPipelineData(board('pipeline'), NOW);
    const sent = server.received.find((r) => (r.body.query ?? '').includes('PipelineGroups'));
    expect(sent?.body.variables?.filter).toEqual({
      and: [
        { stage: { in: ['SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'] } },
        { closeDate: { gte: '2026-01-01T05:00:00.000Z' } },
        { closeDate: { lt: '2027-01-01T05:00:00.000Z' } },
      ],
    });
  });

  test('the captured refusal is `rejected` with what Twenty said', async () => {
    const { twenty } = await clientFor(replay(() => ({ body: exchange('0007').response.body })));
    const err = await twenty.fetchPipelineData(board('raw'), NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TwentyError);
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('must have exactly one operator') });
  });
});

describe('the first raw load, as 2.21 answered it', () => {
  test('the same stage totals as FINDINGS, whatever order the groups come in', async () => {
    const reversed = () => {
      const body = capturedGroups();
      body.data.opportunitiesGroupBy.reverse();
      return { body };
    };
    for (const answer of [() => ({ body: capturedGroups() }), reversed]) {
      const { twenty } = await clientFor(replay(answer));
      const data = await twenty.fetchPipelineData(board('raw'), NOW);
      const count = (stage: string) => data.groups.filter((g) => g.stage === stage).reduce((n, g) => n + g.count, 0);
      const usd = (stage: string) => data.groups.filter((g) => g.stage === stage && g.currencyCode === 'USD').reduce((n, g) => n + g.amountMicros, 0n);
      expect(['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'].map(count)).toEqual([64, 49, 65, 66, 56]);
      expect(usd('NEW')).toBe(20030043799667n);
      expect(usd('MEETING')).toBe(40747881258146n);
      await close?.();
      close = undefined;
    }
  });

  test('priced counts come from sum / avg in the same request when Twenty can tell', async () => {
    const withAverages = (): CannedAnswer => {
      const body = capturedGroups();
      for (const g of body.data.opportunitiesGroupBy) {
        const sum = typeof g.sumAmountAmountMicros === 'number' ? g.sumAmountAmountMicros : null;
        const priced = typeof g.countNotEmptyAmount === 'number' ? g.countNotEmptyAmount : 0;
        g.avgAmountAmountMicros = sum === null || priced === 0 ? null : sum / priced;
      }
      return { body };
    };
    const { server, twenty } = await clientFor(replay(withAverages));
    const data = await twenty.fetchPipelineData(board('raw'), NOW);
    expect(server.received.filter(isUnpricedQuery)).toHaveLength(0);
    expect(data.groups.every((g) => g.amountCount !== undefined)).toBe(true);
  });

  test('a bucket whose amounts are all zero cannot be decided by sum / avg: the deals without an amount are counted', async () => {
    const zeroBucket = (): CannedAnswer => {
      const body = capturedGroups();
      body.data.opportunitiesGroupBy = [{ groupByDimensionValues: ['NEW', 'USD', '2026-12-01'], totalCount: 4, sumAmountAmountMicros: 0, avgAmountAmountMicros: 0 }];
      return { body };
    };
    const answer = (r: ReceivedRequest): CannedAnswer => {
      if (isUnpricedQuery(r)) {
        return { body: { data: { opportunitiesGroupBy: [{ groupByDimensionValues: ['NEW', 'USD', '2026-12-01'], totalCount: 1, sumAmountAmountMicros: null, avgAmountAmountMicros: null }] } } };
      }
      return replay(zeroBucket)(r);
    };
    const { server, twenty } = await clientFor(answer);
    const data = await twenty.fetchPipelineData(board('raw'), NOW);
    const unpriced = server.received.filter(isUnpricedQuery);
    expect(unpriced).toHaveLength(1);
    expect(requestProblems(unpriced[0]?.body ?? {})).toEqual([]);
    expect(data.groups).toEqual([{ stage: 'NEW', currencyCode: 'USD', closeMonth: '2026-12', count: 4, amountMicros: 0n, amountCount: 3 }]);
  });
});

describe('a server whose groupBy takes no timeZone', () => {
  /** The 2.21 answers, minus `timeZone` on the groupBy date input (as some 1.x servers have it). */
  const withoutTimeZone = (r: ReceivedRequest): CannedAnswer => {
    if ((r.body.query ?? '').includes('TwentyTypeFields') && r.body.variables?.name === 'OpportunityGroupByInput') {
      const body = structuredClone(exchange('0005').response.body) as { data: { __type: { inputFields: { name: string; type: { inputFields?: { name: string }[] | null } }[] } } };
      for (const field of body.data.__type.inputFields) {
        if (field.type.inputFields) field.type.inputFields = field.type.inputFields.filter((f) => f.name !== 'timeZone');
      }
      return { body };
    }
    return replay()(r);
  };

  test('never gets a month group-by: the default strategy is aggregates, a forced groupBy is refused before sending', async () => {
    const server = await startCannedServer(withoutTimeZone);
    close = server.close;
    const forced = createTwentyClient({ apiUrl: server.url, apiKey: KEY, budget: createCallBudget({ perMinute: 6000 }), log: () => {}, forceStrategy: 'groupBy' });
    expect((await forced.capabilities()).groupByTimeZone).toBe(false);
    const err = await forced.fetchPipelineData(board('raw'), NOW).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', message: expect.stringContaining('timeZone') });
    expect(server.received.some((r) => (r.body.query ?? '').includes('opportunitiesGroupBy'))).toBe(false);
    // Left to choose, the client goes to aggregates (this canned server answers none of them).
    const auto = createTwentyClient({ apiUrl: server.url, apiKey: KEY, budget: createCallBudget({ perMinute: 6000 }), log: () => {} });
    await auto.fetchPipelineData(board('raw'), NOW).catch(() => undefined);
    expect(server.received.some((r) => (r.body.query ?? '').includes('opportunitiesGroupBy'))).toBe(false);
    expect(server.received.some((r) => /query (DealPage|StageCurrencyTotals)/.test(r.body.query ?? ''))).toBe(true);
  });
});
