import { describe, expect, test } from 'vitest';
import { createRefusals, refusalText } from '@/lib/cache/refusals';
import { TwentyError } from '@/lib/twenty/errors';
import { flush, harness } from './harness';

// A dashboard whose query Twenty refuses (`rejected`) is marked on its own and retried at a calm
// cadence; the operator hears once per change what Twenty said.

const refusal = () => new TwentyError('rejected', 'Filter for field "closeDate" must have exactly one operator', { upstreamCode: 'BAD_USER_INPUT' });
const classify = (err: unknown) => (err instanceof TwentyError && err.kind === 'rejected' ? 'rejected' : 'unreachable');

describe('the cache', () => {
  test('no snapshot and a refusal: read as refused, status refused, others untouched', async () => {
    const h = harness({ classify });
    const bad = h.cache.get('bad');
    const good = h.cache.get('good');
    await flush();
    await h.fail(refusal());
    await h.succeed(5n);
    expect(await bad).toEqual({ state: 'refused', since: h.nowIso() });
    expect((await good).state).toBe('ready');
    expect(h.cache.status('bad')).toEqual({ slug: 'bad', state: 'refused', reason: 'rejected', since: h.nowIso(), asOf: null });
    expect(h.cache.status('good')).toMatchObject({ slug: 'good', state: 'ready', reason: null });
  });

  test('other failures still read as waiting, with their category', async () => {
    const h = harness({ classify });
    const read = h.cache.get('sales');
    await flush();
    await h.fail(new Error('ECONNREFUSED'));
    expect(await read).toMatchObject({ state: 'waiting', reason: 'unreachable' });
    expect(h.cache.status('sales').state).toBe('waiting');
  });

  test('a refused dashboard is retried at refusedRetryMs, not on the failure backoff, however often it is asked for', async () => {
    const h = harness({ classify, refusedRetryMs: 60_000, retryBackoff: { minMs: 1_000, maxMs: 4_000, random: () => 0 } });
    void h.cache.get('bad');
    await flush();
    await h.fail(refusal());
    for (const ms of [1_000, 4_000, 30_000, 24_000]) {
      h.advance(ms);
      void h.cache.get('bad');
      h.cache.invalidate('bad');
      await flush();
    }
    expect(h.loads()).toBe(1); // 59 s: still waiting for the cadence
    h.advance(1_000);
    void h.cache.get('bad');
    await flush();
    expect(h.loads()).toBe(2);
  });

  test('a refusal after good numbers keeps them, marked stale with the category', async () => {
    const h = harness({ classify });
    void h.cache.get('sales');
    await flush();
    await h.succeed(1n);
    h.advance(10_000);
    void h.cache.get('sales');
    await flush();
    await h.fail(refusal());
    const read = await h.cache.get('sales');
    expect(read.state).toBe('ready');
    expect(h.cache.status('sales')).toMatchObject({ state: 'stale', reason: 'rejected' });
  });

  test('status of a dashboard nobody asked for starts no load', () => {
    const h = harness();
    expect(h.cache.status('never')).toEqual({ slug: 'never', state: 'waiting', reason: null, since: null, asOf: null });
    expect(h.loads()).toBe(0);
  });
});

describe('the operator\'s line', () => {
  test('one line per change of what Twenty says, one when it accepts again, nothing per retry', () => {
    const lines: { level: string; fields: Record<string, unknown> }[] = [];
    const refusals = createRefusals((level, fields) => lines.push({ level, fields }));
    for (let i = 0; i < 5; i++) refusals.refused('pipeline', refusalText(refusal()));
    refusals.refused('pipeline', 'invalid input value for enum opportunity_stage_enum: "WON"');
    refusals.accepted('pipeline');
    refusals.accepted('pipeline');
    refusals.accepted('other');
    expect(lines.map((l) => [l.level, l.fields.event, l.fields.slug])).toEqual([
      ['warn', 'dashboard.refused', 'pipeline'],
      ['warn', 'dashboard.refused', 'pipeline'],
      ['info', 'dashboard.accepted', 'pipeline'],
    ]);
    expect(lines[0]?.fields.twenty).toBe('Filter for field "closeDate" must have exactly one operator');
    expect(String(lines[0]?.fields.msg)).toContain('"pipeline"');
  });
});
