import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { readEvents, tickerLinesOf } from './support/event-text';
import { E2E_API_KEY, E2E_HEALTH_TOKEN, E2E_SESSION_PASSWORD, E2E_WEBHOOK_SECRET } from './support/stacks';
import { sealShareToken } from '@/lib/access/share-token';
import { CANARY_MARKER } from '@/sandbox/records/canaries';

// Privacy canaries: the demo workspaces run with --canaries, so every deal name, company name,
// contact (name, email, phone) and workspace member name carries CANARY_MARKER. The dashboard
// "amounts-only" allows only amount: no surface of it — page, embed, TV, JSON, live stream,
// ticker after real changes — and no file of the client bundle may show any of them, nor a
// stage on a ticker line, nor a Twenty record id, nor the API key, the webhook secret, the
// session password or the health token.

const SLUG = 'amounts-only';
const SECRETS = [E2E_API_KEY, E2E_WEBHOOK_SECRET, E2E_SESSION_PASSWORD, E2E_HEALTH_TOKEN];
/** Every key a top deal / a ticker line may carry when the dashboard's fields are ['amount']. */
const TOP_DEAL_KEYS = ['amountMicros', 'currencyCode', 'id'];
const TICKER_KEYS = ['amountMicros', 'at', 'currencyCode', 'id', 'kind'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectClean(label: string, body: string, recordIds: readonly string[] = []): void {
  expect(body.includes(CANARY_MARKER), `${label} shows a canary`).toBe(false);
  for (const secret of SECRETS) expect(body.includes(secret), `${label} shows a secret`).toBe(false);
  expect(recordIds.filter((id) => body.includes(id)), `${label} shows Twenty record ids`).toEqual([]);
}

const allowedOnly = (keys: string[], allowed: string[]) => keys.filter((k) => !allowed.includes(k));

test('the workspace really holds canaries, and a dashboard that allows names does show them (the detector works)', async ({ crm, request }) => {
  const deals = await crm.allDeals();
  expect(deals.length).toBeGreaterThan(50);
  expect(deals.every((d) => d.name?.includes(CANARY_MARKER))).toBe(true);
  const allowed = await (await request.get('/api/dashboards/pipeline')).text();
  expect(allowed).toContain(CANARY_MARKER);
});

test('no canary, secret, record id or ticker stage on any surface of a dashboard that hides them', async ({ page, request, crm, baseURL }) => {
  const token = await sealShareToken({ slug: SLUG, v: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, E2E_SESSION_PASSWORD);
  const q = `?token=${encodeURIComponent(token)}`;
  const deals = await crm.allDeals();
  const recordIds = deals.map((d) => d.id);
  const surfaces = ['/', `/d/${SLUG}${q}`, `/embed/${SLUG}${q}`, `/tv/${SLUG}${q}`, `/api/dashboards/${SLUG}${q}`, '/api/health'];
  for (const path of surfaces) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectClean(path, await response.text(), recordIds);
  }
  const json = (await (await request.get(`/api/dashboards/${SLUG}${q}`)).json()) as { topDeals: Record<string, unknown>[]; fields: string[] };
  expect(json.fields).toEqual(['amount']);
  expect(json.topDeals.length).toBeGreaterThan(0);
  for (const deal of json.topDeals) expect(allowedOnly(Object.keys(deal), TOP_DEAL_KEYS)).toEqual([]);

  // The live stream, including the ticker lines real CRM changes produce: a new deal whose name
  // is itself a canary, and a deal moved to another stage (both applied exactly, from the webhook).
  const mover = deals.find((d) => d.stage === 'MEETING');
  if (!mover) throw new Error('no deal in MEETING to move');
  let created: string | undefined;
  const kinds = (text: string) => new Set(tickerLinesOf(text).map((line) => line.kind));
  try {
    const events = await readEvents(`${baseURL}/api/dashboards/${SLUG}/events${q}`, {
      timeoutMs: 20_000,
      done: (text) => kinds(text).has('created') && kinds(text).has('moved'),
      during: async () => {
        created = (await crm.createDeal({ name: `${CANARY_MARKER}fresh`, stage: 'NEW', amount: { amountMicros: 42_000_000_000, currencyCode: 'USD' } })).id;
        await crm.updateDeal(mover.id, { stage: 'PROPOSAL' });
      },
    });
    expect([...kinds(events)]).toEqual(expect.arrayContaining(['created', 'moved']));
    for (const line of tickerLinesOf(events)) expect(allowedOnly(Object.keys(line), TICKER_KEYS), JSON.stringify(line)).toEqual([]);
    expect(events).not.toMatch(/"(fromStage|toStage|fromLabel|toLabel)"/);
    expectClean('SSE', events, [...recordIds, created ?? '-']);

    // The same lines in the JSON a poller reads.
    const after = await (await request.get(`/api/dashboards/${SLUG}${q}`)).text();
    const ticker = (JSON.parse(after) as { ticker?: Record<string, unknown>[] }).ticker ?? [];
    expect(ticker.map((line) => line.kind)).toEqual(expect.arrayContaining(['created', 'moved']));
    for (const line of ticker) expect(allowedOnly(Object.keys(line), TICKER_KEYS)).toEqual([]);
    expect(after).not.toMatch(/"(fromStage|toStage|fromLabel|toLabel)"/);
    expectClean('JSON after changes', after, [...recordIds, created ?? '-']);

    // What the browser ends up showing after hydration and live updates, on each page surface.
    for (const [path, badge] of [[`/d/${SLUG}${q}`, 'connection-state'], [`/embed/${SLUG}${q}`, 'connection-state'], [`/tv/${SLUG}${q}`, 'tv-connection']] as const) {
      await page.goto(path);
      // Hydrated, and the live stream's first snapshot has replaced the server's.
      await expect(page.getByTestId(badge)).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
      expectClean(`${path} (rendered)`, await page.content(), [...recordIds, created ?? '-']);
    }
  } finally {
    if (created) await crm.destroyDeal(created);
    await crm.updateDeal(mover.id, { stage: 'MEETING' });
  }
});

test('no canary and no secret anywhere in the built client bundle', () => {
  const files = filesUnder(join(process.env.NEXT_DIST_DIR || '.next', 'static'));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expectClean(file, readFileSync(file, 'utf8'));
});
