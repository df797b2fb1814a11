import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { E2E_API_KEY, E2E_SESSION_PASSWORD, E2E_WEBHOOK_SECRET } from './support/stacks';
import { sealShareToken } from '@/lib/access/share-token';
import { CANARY_MARKER } from '@/lib/sandbox/records/canaries';

// Privacy canaries: the demo workspaces run with --canaries, so every deal name, company name,
// contact (name, email, phone) and workspace member name carries CANARY_MARKER. The dashboard
// "amounts-only" allows only amount and stage: no surface of it — page, embed, TV, JSON, live
// stream, ticker after a real change — and no file of the client bundle may show any of them,
// nor the API key, the webhook secret or the session password.

const SLUG = 'amounts-only';
const SECRETS = [E2E_API_KEY, E2E_WEBHOOK_SECRET, E2E_SESSION_PASSWORD];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectClean(label: string, body: string): void {
  expect(body.includes(CANARY_MARKER), `${label} shows a canary`).toBe(false);
  for (const secret of SECRETS) expect(body.includes(secret), `${label} shows a secret`).toBe(false);
}

/** The raw text of the first `count` events of a live stream (or what arrived within the time). */
async function readEvents(url: string, count: number, timeoutMs: number, during?: () => Promise<void>): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let text = '';
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream body');
    const decoder = new TextDecoder();
    let started = false;
    while ((text.match(/^event: snapshot$/gm)?.length ?? 0) < count) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!started && during && text.includes('event: snapshot')) {
        started = true;
        await during();
      }
    }
    await reader.cancel();
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return text;
}

test('the workspace really holds canaries, and a dashboard that allows names does show them (the detector works)', async ({ crm, request }) => {
  const deals = await crm.allDeals();
  expect(deals.length).toBeGreaterThan(50);
  expect(deals.every((d) => d.name?.includes(CANARY_MARKER))).toBe(true);
  const allowed = await (await request.get('/api/dashboards/pipeline')).text();
  expect(allowed).toContain(CANARY_MARKER);
});

test('no canary and no secret on any surface of a dashboard that hides names', async ({ page, request, crm, baseURL }) => {
  const token = await sealShareToken({ slug: SLUG, v: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, E2E_SESSION_PASSWORD);
  const q = `?token=${encodeURIComponent(token)}`;
  const surfaces = ['/', `/d/${SLUG}${q}`, `/embed/${SLUG}${q}`, `/tv/${SLUG}${q}`, `/api/dashboards/${SLUG}${q}`, '/api/health'];
  for (const path of surfaces) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectClean(path, await response.text());
  }
  const json = (await (await request.get(`/api/dashboards/${SLUG}${q}`)).json()) as { topDeals: Record<string, unknown>[]; fields: string[] };
  expect(json.fields).toEqual(['amount', 'stage']);
  expect(json.topDeals.length).toBeGreaterThan(0);
  for (const deal of json.topDeals) expect(Object.keys(deal).filter((k) => k === 'name' || k === 'companyName')).toEqual([]);

  // The live stream, including the ticker line a real CRM change produces: a new deal whose name
  // is itself a canary (a deal created while the wall watches is applied exactly, from the webhook).
  let created: string | undefined;
  try {
    const events = await readEvents(`${baseURL}/api/dashboards/${SLUG}/events${q}`, 2, 15_000, async () => {
      created = (await crm.createDeal({ name: `${CANARY_MARKER}fresh`, stage: 'NEW', amount: { amountMicros: 42_000_000_000, currencyCode: 'USD' } })).id;
    });
    expect(events).toContain('event: snapshot');
    expect(events).toMatch(/"ticker":\[\{/);
    expectClean('SSE', events);
  } finally {
    if (created) await crm.destroyDeal(created);
  }

  // What the browser ends up showing after hydration and live updates, on each page surface.
  for (const path of [`/d/${SLUG}${q}`, `/embed/${SLUG}${q}`, `/tv/${SLUG}${q}`]) {
    await page.goto(path);
    await page.waitForTimeout(1_500); // hydration and the first live events
    expectClean(`${path} (rendered)`, await page.content());
  }
});

test('no canary and no secret anywhere in the built client bundle', () => {
  const files = filesUnder(join(process.env.NEXT_DIST_DIR || '.next', 'static'));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expectClean(file, readFileSync(file, 'utf8'));
});
