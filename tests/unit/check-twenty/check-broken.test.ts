import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Sandbox } from '@/sandbox/index';
import { GOOD_DASHBOARDS, KEY, OWNER_IDS, envFor, lineOf, rootFieldsSeen, runCheck, sandboxes } from './harness';

// A broken workspace or dashboard: exit 1, and the line that names the problem says what to do.

const start = sandboxes();
const RAW = { slug: 'raw', title: 'Everything' };

describe('Twenty itself cannot be used', () => {
  let s: Sandbox;
  beforeAll(async () => {
    s = await start();
  });
  afterEach(() => s.setFault({ mode: 'none' }));

  test('a revoked key: exit 1, the key line says revoked, dashboards are not run', async () => {
    s.setFault({ mode: 'revoked-key' });
    const { code, out } = await runCheck(envFor(s.url, [RAW]));
    expect(code).toBe(1);
    expect(lineOf(out, 'key')).toMatch(/^ {2}FAIL\s+key\s+Twenty refused the key: it has been revoked/);
    expect(lineOf(out, 'raw')).toMatch(/^ {2}--\s+raw\s+not checked/);
    expect(out).toMatch(/Result: 1 problem: key, 0 warnings → exit 1/);
  });

  test('a key Twenty does not know: exit 1, and the wrong key is not printed', async () => {
    const wrongKey = 'not-the-workspace-key-0123456789';
    const { code, out, err } = await runCheck(envFor(s.url, [RAW], { TWENTY_API_KEY: wrongKey }));
    expect(code).toBe(1);
    expect(lineOf(out, 'key')).toMatch(/FAIL\s+key\s+Twenty refused the key: it is not a valid API key for this server/);
    expect(out + err).not.toContain(wrongKey);
  });

  test('Twenty is down: exit 1 and the reach line names TWENTY_API_URL', async () => {
    s.setFault({ mode: 'down' });
    const { code, out } = await runCheck(envFor(s.url, [RAW]));
    expect(code).toBe(1);
    expect(lineOf(out, 'reach')).toMatch(new RegExp(`FAIL\\s+reach\\s+cannot reach ${s.url}.*TWENTY_API_URL`));
  });

  test('rate limited by Twenty: exit 1, says the limit is shared, stops at once', async () => {
    s.setFault({ mode: 'rate-limited' });
    s.log.clear();
    const { code, out } = await runCheck(envFor(s.url, [RAW]));
    expect(code).toBe(1);
    expect(lineOf(out, 'rate limit')).toMatch(/FAIL\s+rate limit\s+Twenty's rate limit is reached .*shared by every API key/);
    expect(rootFieldsSeen(s)).toBe(1);
  });
});

describe('a dashboard the workspace cannot serve', () => {
  let current: Sandbox;
  let old: Sandbox;
  beforeAll(async () => {
    current = await start();
    old = await start({ twentyVersion: '0.55' });
  });

  test('an unknown stage in filter.stages or wonStages: exit 1 naming the dashboard, the key and the stage', async () => {
    const dashboards = [RAW, { slug: 'typo', title: 'Typo', filter: { stages: ['PROPOSAL', 'WON'] } }, { slug: 'won', title: 'Won', wonStages: ['CLOSED_WON'] }];
    const { code, out } = await runCheck(envFor(current.url, dashboards));
    expect(code).toBe(1);
    expect(lineOf(out, 'raw')).toMatch(/^ {2}ok\s+raw\s/);
    expect(lineOf(out, 'typo')).toMatch(/^ {2}FAIL\s+typo\s+filter\.stages WON: not a stage of this workspace \(it has NEW, SCREENING/);
    expect(lineOf(out, 'won')).toMatch(/^ {2}FAIL\s+won\s+wonStages CLOSED_WON: not a stage/);
    expect(out).toMatch(/Result: 2 problems: typo, won,/);
  });

  test('no known stage left: exit 1 with the refusal', async () => {
    const { code, out } = await runCheck(envFor(current.url, [{ slug: 'none', title: 'None', filter: { stages: ['WON'] } }]));
    expect(code).toBe(1);
    expect(lineOf(out, 'none')).toMatch(/FAIL\s+none\s+.*none of filter\.stages exists in this workspace/);
  });

  test('ownerIds on Twenty 0.55 (no owners): exit 1 naming ownerIds; the other dashboards still load', async () => {
    const dashboards = [RAW, { slug: 'mine', title: 'Mine', filter: { ownerIds: OWNER_IDS } }];
    const { code, out } = await runCheck(envFor(old.url, dashboards));
    expect(code).toBe(1);
    expect(lineOf(out, 'raw')).toMatch(/^ {2}ok\s+raw\s/);
    expect(lineOf(out, 'mine')).toMatch(/FAIL\s+mine\s+the wall cannot run this dashboard on this server: filter\.ownerIds needs Twenty 1\.16 or later/);
    expect(lineOf(out, 'owner')).toMatch(/no: opportunities have no owner here/);
  });

  test('"owner" in fields on Twenty 0.55: the owner line says owners need a newer Twenty and names the dashboard; it still loads', async () => {
    const dashboards = [RAW, { slug: 'leaders', title: 'Leaders', fields: ['amount', 'owner'] }];
    const { out } = await runCheck(envFor(old.url, dashboards));
    expect(lineOf(out, 'owner')).toMatch(/no: opportunities have no owner here .*owners need a newer Twenty: leaders show no owners leaderboard/);
    expect(lineOf(out, 'leaders')).toMatch(/^ {2}ok\s+leaders\s/);
  });

  test('a filter Twenty refuses (its captured 2.21 answer): exit 1 with Twenty\'s words, the rest unaffected', async () => {
    // real-2.21/groupby/filtered-groupby-closeDate-range-two-operators.json, as Twenty 2.21 answered it.
    const refusal = {
      data: { opportunitiesGroupBy: null, topDeals: null },
      errors: [
        {
          message: 'Filter for field "closeDate" must have exactly one operator',
          extensions: { subCode: 'INVALID_ARGS_FILTER', userFriendlyMessage: 'Invalid filter: exactly one operator per field is required', code: 'BAD_USER_INPUT' },
        },
      ],
    };
    const marker = '77777777';
    const refusingFetch: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (body.includes('opportunitiesGroupBy') && body.includes(marker)) return Response.json(refusal);
      return fetch(input, init);
    };
    const dashboards = [...GOOD_DASHBOARDS.slice(1), { slug: 'refused', title: 'Refused', filter: { minAmountMicros: marker } }];
    const { code, out } = await runCheck(envFor(current.url, dashboards), { fetch: refusingFetch });
    expect(code).toBe(1);
    expect(lineOf(out, 'refused')).toMatch(/FAIL\s+refused\s+Twenty refused this dashboard's query: Filter for field "closeDate" must have exactly one operator/);
    for (const d of GOOD_DASHBOARDS.slice(1)) expect(lineOf(out, d.slug)).toMatch(new RegExp(`^ {2}ok\\s+${d.slug}\\s`));
    expect(lineOf(out, 'cross-check')).toMatch(/^ {2}ok\s/);
    expect(out).toMatch(/Result: 1 problem: refused,/);
  });

  test('ownerIds where opportunities have owners: loads', async () => {
    const { out } = await runCheck(envFor(current.url, [{ slug: 'mine', title: 'Mine', filter: { ownerIds: OWNER_IDS } }]));
    expect(lineOf(out, 'owner')).toMatch(/yes: opportunities have an owner/);
    expect(lineOf(out, 'mine')).toMatch(/^ {2}ok\s+mine\s+groupBy · \d+ deals/);
  });

  test('the API key is never in the output, even on failures', async () => {
    const { out, err } = await runCheck(envFor(current.url, [{ slug: 'none', title: 'None', filter: { stages: ['WON'] } }]));
    expect(out + err).not.toContain(KEY);
  });
});
