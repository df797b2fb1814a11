import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { dealsInView, expectedFloor, floorOfJson, viewIdNamed, type ExpectedFloor, type Floor } from './support/sales-floor';

// Issue 13's "done when": one dashboard scoped by a saved Twenty view, with owners, a goal, the
// win rate, funnel conversion and the new-pipeline trend. Every figure on the JSON, the page, the
// embed and the TV equals what this test computes from the deals Twenty itself puts in the view,
// and a deal created and won in the CRM moves them all on a page that is never reloaded.

const config = JSON.parse(readFileSync('tests/e2e/dashboards.e2e.json', 'utf8')) as { dashboards: (Floor & { slug: string })[] };
const found = config.dashboards.find((d) => d.slug === 'sales-floor');
if (!found) throw new Error('dashboards.e2e.json has no "sales-floor" dashboard');
const FLOOR = found;

async function expected(crm: Parameters<typeof dealsInView>[0]): Promise<ExpectedFloor> {
  return expectedFloor(await dealsInView(crm, await viewIdNamed(crm, FLOOR.twentyView)), FLOOR);
}

/** What a surface shows of the floor's parts, from the data attributes of their text alternatives. */
function readScreen(page: Page) {
  return page.evaluate(() => {
    const all = (sel: string) => [...document.querySelectorAll(sel)];
    const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? '';
    const goal = document.querySelector('[data-testid="kpi-goal"]');
    return {
      goal: goal ? [attr(goal, 'data-goal-micros'), attr(goal, 'data-progress-percent')] : null,
      funnel: all('[data-testid="funnel-step"]').map((r) => [attr(r, 'data-stage'), attr(r, 'data-reached'), attr(r, 'data-conversion-percent')].join('|')),
      owners: all('[data-testid="owner-row"]')
        .map((r) => ['owner-won', 'owner-open'].flatMap((id) => [attr(r.querySelector(`[data-testid="${id}"]`), 'data-count'), attr(r.querySelector(`[data-testid="${id}"]`), 'data-amount-micros')]).join('|'))
        .sort(),
      weeks: all('[data-testid="trend-week"]').map((r) => [attr(r, 'data-week'), attr(r, 'data-count'), attr(r, 'data-amount-micros')].join('|')),
    };
  });
}
type Screen = Awaited<ReturnType<typeof readScreen>>;
type Part = keyof Screen;

function screenOf(want: ExpectedFloor): Screen {
  return {
    goal: [want.goal.amountMicros, String(want.goal.progressPercent)],
    funnel: want.funnel.map((s) => [s.value, s.reached, s.conversionPercent ?? ''].join('|')),
    owners: want.owners.map((o) => [o.won.count, o.won.amountMicros, o.open.count, o.open.amountMicros].join('|')).sort(),
    weeks: want.created.map((w) => [w.week, w.count, w.amountMicros].join('|')),
  };
}

async function expectShown(page: Page, want: ExpectedFloor, parts: Part[], timeout = 15_000): Promise<void> {
  const pick = (s: Screen) => Object.fromEntries(parts.map((p) => [p, s[p]]));
  await expect.poll(async () => pick(await readScreen(page)), { timeout }).toEqual(pick(screenOf(want)));
}

test.describe('the sales floor: a saved view with owners, goal, win rate, funnel and trend (2.21)', () => {
  test.skip(({ twentyVersion }) => twentyVersion !== '2.21', 'saved views and owners need Twenty 2.x');

  test('the JSON equals the figures computed from the deals Twenty puts in the view', async ({ request, crm }) => {
    const want = await expected(crm);
    // Nothing trivial: several owners with open deals, weeks with deals created, a funnel that
    // narrows. (The seed wins no huge deal this quarter: the live test below wins one.)
    console.log(`[sales-floor] ${JSON.stringify({ owners: want.owners.length, winRate: want.winRate, won: want.won, created: want.created.map((w) => w.count) })}`);
    expect(want.owners.filter((o) => o.id !== null && o.open.count > 0).length).toBeGreaterThan(1);
    expect(want.created.filter((w) => w.count > 0).length).toBeGreaterThan(1);
    expect(want.funnel[0]?.reached).toBeGreaterThan(want.funnel.at(-1)?.reached ?? 0);
    await expect.poll(async () => floorOfJson(await (await request.get(`/api/dashboards/${FLOOR.slug}`)).json()), { timeout: 15_000 }).toEqual(want);
  });

  test('page, embed and TV show the same figures', async ({ page, crm }) => {
    test.setTimeout(120_000);
    const want = await expected(crm);
    await page.goto(`/d/${FLOOR.slug}?view=kpis,funnel,owners,trend`);
    await expectShown(page, want, ['goal', 'funnel', 'owners', 'weeks']);
    await page.goto(`/embed/${FLOOR.slug}?view=owners,trend`);
    await expectShown(page, want, ['owners', 'weeks']);
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const [view, part] of [['owners', 'owners'], ['trend', 'weeks'], ['kpis', 'goal'], ['funnel', 'funnel']] as const) {
      await page.goto(`/tv/${FLOOR.slug}?view=${view}`);
      await expectShown(page, want, [part]);
    }
  });

  test('a deal created, then won, in the CRM moves every part live on a page never reloaded', async ({ page, crm }) => {
    test.setTimeout(120_000);
    const owner = (await dealsInView(crm, await viewIdNamed(crm, FLOOR.twentyView))).find((d) => d.ownerId)?.ownerId ?? null;
    expect(owner).not.toBeNull();
    await page.goto(`/d/${FLOOR.slug}?view=kpis,funnel,owners,trend`);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
    // Huge (≥ 250,000), so it stays in "New or huge" when it leaves NEW.
    const deal = await crm.createDeal({
      name: `Sales floor e2e ${randomBytes(3).toString('hex')}`,
      stage: 'NEW',
      amount: { amountMicros: 300_000_000_000, currencyCode: 'USD' },
      closeDate: new Date().toISOString(),
      ownerId: owner,
    });
    try {
      const created = await expected(crm);
      await expectShown(page, created, ['goal', 'funnel', 'owners', 'weeks'], 40_000);
      await crm.updateDeal(deal.id, { stage: 'CUSTOMER' });
      const won = await expected(crm);
      expect(won.won.count).toBe(created.won.count + 1);
      await expectShown(page, won, ['goal', 'funnel', 'owners', 'weeks'], 40_000);
    } finally {
      await crm.destroyDeal(deal.id);
    }
  });
});
