import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { convert } from './support/expected';
import { readEvents } from './support/event-text';
import { localDate } from './support/scope';
import type { Crm, SeedDeal } from './support/crm';
import { CANARY_MARKER } from '@/sandbox/records/canaries';
import { MEMBERS } from '@/sandbox/records/seed-names';

// The owners leaderboard (issue 13 part 2) on the JSON, the page, the embed and the TV, compared
// with totals this test computes itself from the workspace's records and members; kept live when
// a deal is reassigned or won in the CRM. Privacy: a dashboard without "owner" shows no member
// name (the demo's members are canaries) and no member id on any surface; v0.55 has no owners.

type Board = { slug: string; currency: string; rates: Record<string, string> };
const config = JSON.parse(readFileSync('tests/e2e/dashboards.e2e.json', 'utf8')) as { dashboards: Board[] };
const boardOf = (slug: string): Board => {
  const found = config.dashboards.find((d) => d.slug === slug);
  if (!found) throw new Error(`dashboards.e2e.json has no "${slug}" dashboard`);
  return found;
};
const BOARD = boardOf('owners-board');
const HIDDEN = boardOf('owners-hidden');
const WON = 'CUSTOMER';
/** Every member name on the demo workspace is a canary of this kind (sandbox/records/canaries.ts). */
const MEMBER_CANARY = `${CANARY_MARKER}member`;

type Total = { count: number; amountMicros: string; other: { currencyCode: string; amountMicros: string }[] };
type Owner = { id: string | null; name: string; open: Total; won: Total };

async function memberNames(crm: Crm): Promise<Map<string, string>> {
  const data = await crm.graphql('/graphql', '{ workspaceMembers(first: 60) { edges { node { id name { firstName lastName } } } } }');
  const edges = (data.workspaceMembers as { edges: { node: { id: string; name: { firstName: string; lastName: string } } }[] }).edges;
  return new Map(edges.map(({ node }) => [node.id, `${node.name.firstName} ${node.name.lastName}`.trim()]));
}

/** Count, display micros (each currency summed, then converted once) and unrated currencies apart. */
function totalOf(deals: SeedDeal[]): Total {
  const sums = new Map<string, bigint>();
  for (const d of deals) if (d.amountMicros !== null) sums.set(d.currencyCode ?? '', (sums.get(d.currencyCode ?? '') ?? 0n) + d.amountMicros);
  let display = 0n;
  const other: Total['other'] = [];
  for (const [code, sum] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rate = BOARD.rates[code];
    if (code === BOARD.currency) display += sum;
    else if (rate) display += convert(sum, rate);
    else if (sum !== 0n) other.push({ currencyCode: code, amountMicros: sum.toString() });
  }
  return { count: deals.length, amountMicros: display.toString(), other };
}

function quarterMonths(now: Date): Set<string> {
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  return new Set([0, 1, 2].map((i) => `${now.getUTCFullYear()}-${String(first + i + 1).padStart(2, '0')}`));
}

/** The leaderboard as the issue defines it, in the order the README documents. */
function expectedOwners(deals: SeedDeal[], names: Map<string, string>, now = new Date()): Owner[] {
  const months = quarterMonths(now);
  const byOwner = new Map<string | null, SeedDeal[]>();
  for (const d of deals) byOwner.set(d.ownerId ?? null, [...(byOwner.get(d.ownerId ?? null) ?? []), d]);
  const owners = [...byOwner].map(([id, list]) => ({
    id,
    name: id === null ? 'No owner' : (names.get(id) ?? 'Unknown member'),
    open: totalOf(list.filter((d) => d.stage !== WON)),
    won: totalOf(list.filter((d) => d.stage === WON && d.closeDate !== null && months.has(localDate(d.closeDate, 'UTC').slice(0, 7)))),
  }));
  const big = (t: Total) => BigInt(t.amountMicros);
  const desc = (a: bigint, b: bigint) => (a === b ? 0 : a > b ? -1 : 1);
  return owners
    .filter((o) => o.open.count > 0 || o.won.count > 0)
    .sort((a, b) => {
      if ((a.id === null) !== (b.id === null)) return a.id === null ? 1 : -1;
      return desc(big(a.won), big(b.won)) || b.won.count - a.won.count || desc(big(a.open), big(b.open)) || b.open.count - a.open.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
}

async function expected(crm: Crm): Promise<Owner[]> {
  return expectedOwners(await crm.allDeals({ owner: true }), await memberNames(crm));
}

const jsonOwners = (body: { owners?: (Owner & { open: { currency?: string; converted?: boolean }; won: { currency?: string; converted?: boolean } })[] }) =>
  body.owners?.map((o) => ({ id: o.id, name: o.name, open: { count: o.open.count, amountMicros: o.open.amountMicros, other: o.open.other }, won: { count: o.won.count, amountMicros: o.won.amountMicros, other: o.won.other } }));

/** The board on screen: one line per row, from its table (the text alternative of every figure). */
function readBoard(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="owner-row"]')].map((row) => {
      const cell = (id: string) => row.querySelector(`[data-testid="${id}"]`);
      return [
        row.getAttribute('data-owner-kind'),
        cell('owner-name')?.textContent?.trim(),
        cell('owner-won')?.getAttribute('data-amount-micros'),
        cell('owner-won')?.getAttribute('data-count'),
        cell('owner-open')?.getAttribute('data-amount-micros'),
        cell('owner-open')?.getAttribute('data-count'),
        cell('owner-won')?.getAttribute('aria-label')?.startsWith(`${cell('owner-name')?.textContent?.trim()}, won this quarter: `) ?? false,
      ].join('|');
    }),
  );
}

/** The same rows as this test expects them (fewer than 8 people: no "others" row). */
const boardOf2 = (owners: Owner[]) =>
  owners.map((o) => [o.id === null ? 'none' : 'owner', o.name, o.won.amountMicros, o.won.count, o.open.amountMicros, o.open.count, true].join('|'));

async function expectBoard(page: Page, want: Owner[], timeout = 15_000): Promise<void> {
  await expect.poll(() => readBoard(page), { timeout }).toEqual(boardOf2(want));
}

test.describe('Twenty 2.21', () => {
  test.skip(({ twentyVersion }) => twentyVersion !== '2.21', 'owners exist from Twenty 1.16');

  test('the JSON carries owners equal to totals computed from the workspace, No owner last', async ({ request, crm }) => {
    const want = await expected(crm);
    // The demo has several owners with open and won deals this quarter and unowned deals: nothing trivial.
    expect(want.filter((o) => o.id !== null && o.won.count > 0).length).toBeGreaterThan(1);
    expect(want.at(-1)?.id).toBeNull();
    expect(want.some((o) => o.name.includes(MEMBER_CANARY))).toBe(true);
    await expect.poll(async () => jsonOwners(await (await request.get(`/api/dashboards/${BOARD.slug}`)).json()), { timeout: 15_000 }).toEqual(want);
  });

  test('page, embed and TV show the same leaderboard, readable across the room', async ({ page, crm }) => {
    test.setTimeout(90_000);
    const want = await expected(crm);
    await page.goto(`/d/${BOARD.slug}?view=owners`);
    await expectBoard(page, want);
    await page.goto(`/embed/${BOARD.slug}?view=owners`);
    await expectBoard(page, want);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/tv/${BOARD.slug}?view=owners`);
    await expectBoard(page, want);
    const sizes = await page.getByTestId('owner-name').evaluateAll((els) => els.map((el) => ({ px: parseFloat(getComputedStyle(el).fontSize), bottom: el.getBoundingClientRect().bottom })));
    for (const { px, bottom } of sizes) {
      expect(px).toBeGreaterThanOrEqual(28);
      expect(bottom).toBeLessThanOrEqual(1080);
    }
  });

  test('a deal reassigned, then won, in the CRM moves the leaderboard live, in step with the KPIs', async ({ page, crm, request }) => {
    test.setTimeout(120_000);
    const names = await memberNames(crm);
    const [first, second] = [...names.keys()];
    if (!first || !second) throw new Error('the demo needs two members');
    await page.goto(`/d/${BOARD.slug}?view=owners`);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
    const deal = await crm.createDeal({ name: `Owners e2e ${randomBytes(3).toString('hex')}`, stage: 'PROPOSAL', amount: { amountMicros: 777_000_000_000, currencyCode: 'EUR' }, closeDate: new Date().toISOString() });
    try {
      await crm.updateDeal(deal.id, { ownerId: first });
      await expectBoard(page, await expected(crm), 40_000);
      await crm.updateDeal(deal.id, { ownerId: second });
      await expectBoard(page, await expected(crm), 40_000);
      await crm.updateDeal(deal.id, { stage: WON });
      const want = await expected(crm);
      await expectBoard(page, want, 40_000);
      // Never out of step: summed over owners, won and open are the KPI tiles of the same snapshot.
      const body = (await (await request.get(`/api/dashboards/${BOARD.slug}`)).json()) as { owners: Owner[]; kpis: { openCount: number; openValue: { amountMicros: string }; wonThisPeriod: { count: number; amountMicros: string } } };
      const sum = (part: 'open' | 'won') => body.owners.reduce((n, o) => n + BigInt(o[part].amountMicros), 0n).toString();
      expect([sum('open'), sum('won')]).toEqual([body.kpis.openValue.amountMicros, body.kpis.wonThisPeriod.amountMicros]);
      expect(body.owners.reduce((n, o) => n + o.won.count, 0)).toBe(body.kpis.wonThisPeriod.count);
      expect(body.owners.reduce((n, o) => n + o.open.count, 0)).toBe(body.kpis.openCount);
    } finally {
      await crm.destroyDeal(deal.id);
    }
  });
});

test('Twenty 0.55: no owners in the JSON, and the view says so plainly', async ({ request, page, twentyVersion }) => {
  test.skip(twentyVersion !== '0.55', 'the Twenty without an owner field');
  const body = (await (await request.get(`/api/dashboards/${BOARD.slug}`)).json()) as Record<string, unknown>;
  expect(body).not.toHaveProperty('owners');
  expect(body).toHaveProperty('kpis');
  await page.goto(`/d/${BOARD.slug}?view=owners`);
  await expect(page.getByTestId('owners-none')).toBeVisible();
  await page.goto(`/tv/${BOARD.slug}?view=owners`);
  await expect(page.getByTestId('owners-none')).toBeVisible();
});

test('no member name or id on any surface of a dashboard without "owner"; the detector finds them where allowed', async ({ page, request, crm, baseURL, twentyVersion }) => {
  test.setTimeout(120_000);
  // The demo's members (v0.55 has no workspaceMembers query to read them with; its deals keep their owners unseen).
  const ids: string[] = MEMBERS.map((m) => m.id);
  if (twentyVersion === '2.21') expect([...(await memberNames(crm)).keys()].sort()).toEqual([...ids].sort());
  const expectClean = (label: string, text: string) => {
    expect(text.includes(MEMBER_CANARY), `${label} shows a member name`).toBe(false);
    expect(ids.filter((id) => text.includes(id)), `${label} shows a member id`).toEqual([]);
  };
  // The detector: where owners are allowed (2.21), their canary names do show.
  if (twentyVersion === '2.21') expect(await (await request.get(`/api/dashboards/${BOARD.slug}`)).text()).toContain(MEMBER_CANARY);
  if (twentyVersion === '0.55') expectClean(`${BOARD.slug} on 0.55`, await (await request.get(`/api/dashboards/${BOARD.slug}`)).text());

  const slug = HIDDEN.slug;
  for (const path of [`/d/${slug}`, `/d/${slug}?view=owners`, `/embed/${slug}`, `/embed/${slug}?view=owners`, `/tv/${slug}`, `/tv/${slug}?view=owners`, `/api/dashboards/${slug}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectClean(path, await response.text());
  }
  // The live stream, through real changes: a deal given an owner and moved (ticker lines included).
  const deal = await crm.createDeal({ name: `Hidden owner ${randomBytes(3).toString('hex')}`, stage: 'NEW', amount: { amountMicros: 5_000_000_000, currencyCode: 'USD' } });
  try {
    const events = await readEvents(`${baseURL}/api/dashboards/${slug}/events`, {
      timeoutMs: 20_000,
      done: (text) => (text.match(/^event: snapshot$/gm) ?? []).length >= 2 && text.includes('"kind":"moved"'),
      during: async () => {
        if (twentyVersion === '2.21') await crm.updateDeal(deal.id, { ownerId: ids[0] ?? null });
        await crm.updateDeal(deal.id, { stage: 'MEETING' });
      },
    });
    expect(events).toContain('"kind":"moved"');
    expectClean('SSE', events);
    for (const path of [`/d/${slug}?view=owners`, `/tv/${slug}?view=owners`, `/embed/${slug}`]) {
      await page.goto(path);
      await expect(page.getByTestId(path.startsWith('/tv') ? 'tv-connection' : 'connection-state')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
      expectClean(`${path} (rendered)`, await page.content());
    }
  } finally {
    await crm.destroyDeal(deal.id);
  }
});
