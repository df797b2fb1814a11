import { convert } from './expected';
import type { Crm, SeedDeal } from './crm';

// The sales-floor dashboard's figures as this test computes them itself: the deals in the saved
// view (Twenty's own `opportunitiesGroupBy(viewId:)` names them, one group per id), then plain
// arithmetic over their records. Written here, not taken from lib/: a shared mistake would pass.

export type Floor = { currency: string; rates: Record<string, string>; lostStages: string[]; goal: { amount: string }; twentyView: string };

const WON = 'CUSTOMER';
const STAGE_ORDER = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'];
const DAY_MS = 86_400_000;

export async function viewIdNamed(crm: Crm, name: string): Promise<string> {
  const data = (await crm.graphql('/metadata', 'query { getViews { id name } }')) as { getViews: { id: string; name: string }[] };
  const found = data.getViews.filter((v) => v.name === name);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one view named "${name}", found ${found.length}`);
  return found[0].id;
}

/** The records of the deals Twenty puts in the view (with owner and creation time). */
export async function dealsInView(crm: Crm, viewId: string): Promise<SeedDeal[]> {
  const data = (await crm.graphql('/graphql', 'query($v: UUID) { opportunitiesGroupBy(groupBy: [{ id: true }], viewId: $v, limit: 10000) { groupByDimensionValues } }', { v: viewId })) as {
    opportunitiesGroupBy: { groupByDimensionValues: (string | null)[] }[];
  };
  const ids = new Set(data.opportunitiesGroupBy.map((g) => g.groupByDimensionValues[0]));
  return (await crm.allDeals({ owner: true, createdAt: true })).filter((d) => ids.has(d.id));
}

/** One decimal of a / b × 100, half away from zero. */
function percent(a: bigint, b: bigint): number {
  const n = a * 1000n;
  return Number((n * 2n + b) / (2n * b)) / 10;
}

function inDisplay(deals: readonly SeedDeal[], floor: Floor): bigint {
  const sums = new Map<string, bigint>();
  for (const d of deals) if (d.amountMicros !== null) sums.set(d.currencyCode ?? '', (sums.get(d.currencyCode ?? '') ?? 0n) + d.amountMicros);
  let total = 0n;
  for (const [code, sum] of sums) {
    const rate = floor.rates[code];
    if (code === floor.currency) total += sum;
    else if (rate) total += convert(sum, rate);
  }
  return total;
}

const figure = (deals: readonly SeedDeal[], floor: Floor) => ({ count: deals.length, amountMicros: inDisplay(deals, floor).toString() });

/** The twelve Monday weeks (UTC) up to this one, as YYYY-MM-DD of their Mondays. */
function mondayWeeks(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 12 }, (_, i) => new Date(monday - (11 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** Everything the sales floor shows, for a dashboard in UTC whose period is the quarter. */
export function expectedFloor(deals: readonly SeedDeal[], floor: Floor, now = new Date()) {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  const closesThisQuarter = (d: SeedDeal) => d.closeDate !== null && new Date(d.closeDate).getUTCFullYear() === now.getUTCFullYear() && Math.floor(new Date(d.closeDate).getUTCMonth() / 3) === quarter;
  const lost = new Set(floor.lostStages);
  const isOpen = (d: SeedDeal) => d.stage !== WON && !lost.has(d.stage);
  const isWon = (d: SeedDeal) => d.stage === WON && closesThisQuarter(d);
  const wonDeals = deals.filter(isWon);
  const won = inDisplay(wonDeals, floor);
  const goal = BigInt(floor.goal.amount) * 1_000_000n;
  const closing = inDisplay(deals.filter((d) => isOpen(d) && closesThisQuarter(d)), floor);
  const lostCount = deals.filter((d) => lost.has(d.stage) && closesThisQuarter(d)).length;
  const steps = STAGE_ORDER.filter((s) => !lost.has(s));
  const reached = steps.map((_, i) => deals.filter((d) => steps.slice(i).includes(d.stage)).length);

  const byOwner = new Map<string | null, SeedDeal[]>();
  for (const d of deals) byOwner.set(d.ownerId ?? null, [...(byOwner.get(d.ownerId ?? null) ?? []), d]);
  const owners = [...byOwner]
    .map(([id, mine]) => ({ id, open: figure(mine.filter(isOpen), floor), won: figure(mine.filter(isWon), floor) }))
    .filter((o) => o.open.count > 0 || o.won.count > 0)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

  const weeks = mondayWeeks(now);
  const weekOf = (at: string) => {
    const t = new Date(at).getTime();
    return weeks.find((w) => Date.parse(`${w}T00:00:00Z`) <= t && t < Date.parse(`${w}T00:00:00Z`) + 7 * DAY_MS) ?? null;
  };
  const created = weeks.map((week) => figure(deals.filter((d) => d.createdAt !== undefined && weekOf(d.createdAt) === week), floor)).map((f, i) => ({ week: weeks[i], ...f }));

  return {
    openCount: deals.filter(isOpen).length,
    won: { count: wonDeals.length, amountMicros: won.toString() },
    goal: { amountMicros: goal.toString(), progressPercent: percent(won, goal), coveragePercent: goal > won ? percent(closing, goal - won) : null },
    winRate: { won: wonDeals.length, lost: lostCount, percent: wonDeals.length + lostCount === 0 ? null : percent(BigInt(wonDeals.length), BigInt(wonDeals.length + lostCount)) },
    funnel: steps.map((value, i) => ({ value, reached: reached[i] ?? 0, conversionPercent: i === 0 || !reached[i - 1] ? null : percent(BigInt(reached[i] ?? 0), BigInt(reached[i - 1] ?? 0)) })),
    owners,
    created,
  };
}
export type ExpectedFloor = ReturnType<typeof expectedFloor>;

type FloorJson = {
  kpis: { openCount: number; wonThisPeriod: { count: number; amountMicros: string }; goal?: unknown; winRate?: unknown };
  funnel?: unknown;
  owners?: { id: string | null; open: { count: number; amountMicros: string }; won: { count: number; amountMicros: string } }[];
  created?: { week: string; count: number; amountMicros: string }[];
};

/** The same figures, read from the app's JSON. */
export function floorOfJson(body: FloorJson): ExpectedFloor {
  const pick = (f: { count: number; amountMicros: string }) => ({ count: f.count, amountMicros: f.amountMicros });
  return {
    openCount: body.kpis.openCount,
    won: pick(body.kpis.wonThisPeriod),
    goal: body.kpis.goal as ExpectedFloor['goal'],
    winRate: body.kpis.winRate as ExpectedFloor['winRate'],
    funnel: body.funnel as ExpectedFloor['funnel'],
    owners: (body.owners ?? []).map((o) => ({ id: o.id, open: pick(o.open), won: pick(o.won) })).sort((a, b) => String(a.id).localeCompare(String(b.id))),
    created: (body.created ?? []).map((w) => ({ week: w.week, ...pick(w) })),
  };
}
