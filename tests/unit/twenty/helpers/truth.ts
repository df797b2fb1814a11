import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { DealGroup } from '@/lib/pipeline/types';
import { resolveAbsoluteWindow, resolveRelativeWindow } from '@/lib/pipeline/zoned';

// The answer, computed without lib/twenty: every record read with plain fetch, filtered and
// grouped by straightforward code here.

export type RawDeal = {
  id: string;
  stage: string;
  amountMicros: bigint | null;
  currencyCode: string | null;
  closeDate: string | null;
};

type Page = {
  data: {
    opportunities: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { id: string; stage: string; closeDate: string | null; amount: { amountMicros: number | string | null; currencyCode: string | null } | null } }[];
    };
  };
};

export async function readEveryDeal(url: string, apiKey: string): Promise<RawDeal[]> {
  const deals: RawDeal[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        query: 'query All($after: String) { opportunities(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id stage closeDate amount { amountMicros currencyCode } } } } }',
        variables: { after },
      }),
    });
    const page = (await response.json()) as Page;
    for (const { node } of page.data.opportunities.edges) {
      const micros = node.amount?.amountMicros;
      deals.push({
        id: node.id,
        stage: node.stage,
        closeDate: node.closeDate,
        amountMicros: micros === null || micros === undefined ? null : BigInt(micros),
        currencyCode: node.amount?.currencyCode ? node.amount.currencyCode : null,
      });
    }
    if (!page.data.opportunities.pageInfo.hasNextPage) return deals;
    after = page.data.opportunities.pageInfo.endCursor;
  }
}

export function applyDashboardFilter(deals: RawDeal[], dashboard: DashboardConfig, now: Date): RawDeal[] {
  const { stages, closeDate, minAmountMicros } = dashboard.filter;
  const window = closeDate
    ? 'relative' in closeDate
      ? resolveRelativeWindow(closeDate.relative, now, dashboard.timeZone)
      : resolveAbsoluteWindow(closeDate, dashboard.timeZone)
    : null;
  return deals.filter((d) => {
    if (stages && !stages.includes(d.stage)) return false;
    if (window) {
      if (d.closeDate === null) return false;
      const t = Date.parse(d.closeDate);
      if (window.from && t < window.from.getTime()) return false;
      if (window.to && t >= window.to.getTime()) return false;
    }
    if (minAmountMicros !== undefined && (d.amountMicros === null || d.amountMicros < BigInt(minAmountMicros))) return false;
    return true;
  });
}

export function truthGroups(deals: RawDeal[], timeZone: string): DealGroup[] {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  const byKey = new Map<string, DealGroup & { amountCount: number }>();
  for (const d of deals) {
    const closeMonth = d.closeDate ? month.format(new Date(d.closeDate)).slice(0, 7) : null;
    const key = `${d.stage}|${d.currencyCode}|${closeMonth}`;
    const g = byKey.get(key) ?? { stage: d.stage, currencyCode: d.currencyCode, closeMonth, count: 0, amountMicros: 0n, amountCount: 0 };
    g.count += 1;
    g.amountMicros += d.amountMicros ?? 0n;
    g.amountCount += d.amountMicros === null ? 0 : 1;
    byKey.set(key, g);
  }
  return [...byKey.values()];
}

/** Months outside [first, last] folded into null, as the aggregate strategy reports them. */
export function truthFolded(groups: DealGroup[], first: string, last: string): DealGroup[] {
  const folded = groups.map((g) => (g.closeMonth !== null && g.closeMonth >= first && g.closeMonth <= last ? g : { ...g, closeMonth: null }));
  const byKey = new Map<string, DealGroup>();
  for (const g of folded) {
    const key = `${g.stage}|${g.currencyCode}|${g.closeMonth}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...g });
    else {
      seen.count += g.count;
      seen.amountMicros += g.amountMicros;
      seen.amountCount = (seen.amountCount ?? 0) + (g.amountCount ?? 0);
    }
  }
  return [...byKey.values()];
}

/** Order-free, comparable lines (amountCount left out when the strategy cannot know it). */
export function canonical(groups: DealGroup[], opts: { amountCount: boolean } = { amountCount: true }): string[] {
  const count = (g: DealGroup) => (opts.amountCount ? `|${g.amountCount ?? '-'}` : '');
  return groups.map((g) => `${g.stage}|${g.currencyCode}|${g.closeMonth}|${g.count}|${g.amountMicros}${count(g)}`).sort();
}

export function truthTopDealIds(deals: RawDeal[], dashboard: DashboardConfig, limit: number): string[] {
  const closed = new Set([...dashboard.wonStages, ...dashboard.lostStages]);
  return deals
    .filter((d) => !closed.has(d.stage))
    .sort((a, b) => {
      if (a.amountMicros !== b.amountMicros) {
        if (a.amountMicros === null) return 1;
        if (b.amountMicros === null) return -1;
        return a.amountMicros > b.amountMicros ? -1 : 1;
      }
      return a.id < b.id ? -1 : 1;
    })
    .slice(0, limit)
    .map((d) => d.id);
}
