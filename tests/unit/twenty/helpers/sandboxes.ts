import { afterAll, beforeAll } from 'vitest';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import { startSandbox, type Sandbox } from '@/sandbox/index';
import { createCallBudget } from '@/lib/twenty/budget';
import { createTwentyClient, type TwentyClientOptions } from '@/lib/twenty/client';
import { strict221, type StrictFetch } from './strict-221';
import { readEveryDeal, type RawDeal } from './truth';

// One demo workspace per Twenty version, same seed, for the integration tests of a file. Every
// client talks to it through strict221: what real 2.21 refuses is refused with its captured
// answer even where the demo workspace would accept it, and groupBy groups come back scrambled.

export const KEY = 'integration-key';
export const NOW = new Date('2027-03-15T12:00:00Z');
export const OPPORTUNITIES = 600;
export type Version = '2.21' | '0.55';

export const DASHBOARDS: DashboardConfig[] = [
  dashboardDefaults({ slug: 'plain', title: 'Plain' }),
  dashboardDefaults({
    slug: 'new-york',
    title: 'NY',
    timeZone: 'America/New_York',
    period: 'month',
    rates: { EUR: '1.08' },
    fields: ['name', 'amount', 'company'],
    topDeals: 5,
  }),
  dashboardDefaults({
    slug: 'tokyo-filtered',
    title: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    period: 'year',
    currency: 'EUR',
    rates: { GBP: '1.17' },
    lostStages: ['NEW'],
    filter: { stages: ['NEW', 'SCREENING', 'PROPOSAL', 'CUSTOMER'], closeDate: { relative: 'last-12-months' }, minAmountMicros: '20000000000' },
  }),
  dashboardDefaults({
    slug: 'kolkata-from-to',
    title: 'Kolkata',
    timeZone: 'Asia/Kolkata',
    period: 'month',
    rates: { EUR: '1.08', GBP: '1.27' },
    filter: { closeDate: { from: '2026-09-01', to: '2027-06-30' } },
    topDeals: 3,
  }),
];

export function dashboard(index: number): DashboardConfig {
  const d = DASHBOARDS[index];
  if (!d) throw new Error(`no dashboard ${index}`);
  return d;
}

/** Registers beforeAll/afterAll; the accessors work inside tests. */
export function startSandboxesForFile() {
  const sandboxes = new Map<Version, Sandbox>();
  const deals = new Map<Version, RawDeal[]>();
  beforeAll(async () => {
    for (const version of ['2.21', '0.55'] as const) {
      const s = await startSandbox({ port: 0, apiKey: KEY, twentyVersion: version, opportunities: OPPORTUNITIES, seed: 11, anchor: '2027-03-15', rateLimit: 1_000_000 });
      sandboxes.set(version, s);
      deals.set(version, await readEveryDeal(s.url, KEY));
    }
  });
  afterAll(async () => {
    await Promise.all([...sandboxes.values()].map((s) => s.close()));
  });
  const sandbox = (version: Version): Sandbox => {
    const s = sandboxes.get(version);
    if (!s) throw new Error(`sandbox ${version} not started`);
    return s;
  };
  let lastStrict: StrictFetch | undefined;
  return {
    sandbox,
    everyDeal: (version: Version): RawDeal[] => deals.get(version) ?? [],
    client: (version: Version, options: Partial<TwentyClientOptions> = {}) => {
      lastStrict = strict221(options.fetch ?? fetch);
      const budget = createCallBudget({ perMinute: 100_000 });
      return createTwentyClient({ apiUrl: sandbox(version).url, apiKey: KEY, budget, log: () => {}, ...options, fetch: lastStrict.fetch });
    },
    /** The requests the last client made (and which of them 2.21 would have refused). */
    lastRequests: (): StrictFetch => {
      if (!lastStrict) throw new Error('no client yet');
      return lastStrict;
    },
  };
}
