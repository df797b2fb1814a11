import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_SESSION_PASSWORD } from './support/stacks';
import { sealShareToken } from '@/lib/access/share-token';

// The embed inside an iframe on pages served from other origins: one the dashboard's
// allowedOrigins lists (it renders and is sized by public/embed.js, both ways), one it does not
// (the browser refuses to frame it).

const SLUG = 'shared-link';

function hostPage(appOrigin: string, src: string): string {
  return `<!doctype html><html><head><title>Intranet</title></head><body style="margin:0;font-family:sans-serif">
<h1 style="margin:8px">Our intranet</h1>
<iframe id="wall" title="Pipeline" src="${src.replace(/"/g, '&quot;')}" style="width:100%;border:0;display:block"></iframe>
<p id="after">Below the dashboard</p>
<script src="${appOrigin}/embed.js" async></script></body></html>`;
}

function startHost(port: number, appOrigin: string): Promise<Server> {
  const server = createServer((req, res) => {
    const src = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(appOrigin, src));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

let hosts: Server[] = [];
let token = '';
// The worker's stack lists the first host page in shared-link.allowedOrigins, not the second.
let allowedPort = 0;
let blockedPort = 0;

test.beforeAll(async ({ stack }) => {
  ({ allowedPort, blockedPort } = stack.embedHosts);
  hosts = await Promise.all([startHost(allowedPort, stack.appUrl), startHost(blockedPort, stack.appUrl)]);
  token = await sealShareToken({ slug: SLUG, v: 1, exp: Math.floor(Date.now() / 1000) + 3600 }, E2E_SESSION_PASSWORD);
});

test.afterAll(async () => {
  await Promise.all(hosts.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The frame-ancestors directive of a CSP header, whatever else the policy says. */
const frameAncestors = (csp: string | undefined) => (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-ancestors'));

const embedUrl = (baseURL: string | undefined, query: string) => `${baseURL}/embed/${SLUG}?token=${encodeURIComponent(token)}&${query}`;
const hostUrl = (port: number, src: string) => `http://127.0.0.1:${port}/?src=${encodeURIComponent(src)}`;

/** The iframe's height on the host page and the height the embedded content really has. */
async function heights(page: Page): Promise<{ frame: number; content: number }> {
  const frame = await page.locator('#wall').evaluate((el) => Math.round(el.getBoundingClientRect().height));
  // While the iframe navigates to a new src its document is replaced: report "not there yet".
  const content = await page
    .frameLocator('#wall')
    .getByTestId('embed-root')
    .evaluate((el) => Math.ceil(el.getBoundingClientRect().height))
    .catch(() => -1);
  return { frame, content };
}

async function settledHeight(page: Page): Promise<number> {
  await expect(page.frameLocator('#wall').getByTestId('embed-root')).toBeVisible();
  await expect.poll(async () => {
    const h = await heights(page);
    return Math.abs(h.frame - h.content) <= 1 && h.frame > 150;
  }, { timeout: 15_000 }).toBe(true);
  return (await heights(page)).frame;
}

test('an allowed origin frames the embed; embed.js sizes the iframe to its content, growing and shrinking', async ({ page, baseURL }) => {
  await page.goto(hostUrl(allowedPort, embedUrl(baseURL, 'view=kpis')));
  const small = await settledHeight(page);
  await expect(page.frameLocator('#wall').getByTestId('dashboard-title')).toHaveText('Board pipeline (shared by link)');

  await page.locator('#wall').evaluate((el, src) => el.setAttribute('src', src), embedUrl(baseURL, 'view=kpis,stages,funnel,timeline,deals'));
  await expect.poll(async () => (await heights(page)).frame, { timeout: 15_000 }).toBeGreaterThan(small + 400);
  const large = await settledHeight(page);

  await page.locator('#wall').evaluate((el, src) => el.setAttribute('src', src), embedUrl(baseURL, 'view=kpis'));
  await expect.poll(async () => (await heights(page)).frame, { timeout: 15_000 }).toBeLessThan(large - 400);
  expect(Math.abs((await settledHeight(page)) - small)).toBeLessThanOrEqual(2);
  // No inner scrollbar: the frame shows all of its content.
  const inner = await page.frameLocator('#wall').locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(inner).toBeLessThanOrEqual(1);
});

test('embed.js ignores resize messages that do not come from the iframe itself', async ({ page, baseURL }) => {
  await page.goto(hostUrl(allowedPort, embedUrl(baseURL, 'view=kpis')));
  const before = await settledHeight(page);
  // Resolves once the message has been dispatched: listeners run in the order they were added, so
  // embed.js (added at load) has handled it by the time this later one runs.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const bogus = { type: 'pipeline-wall:resize', height: 3, from: 'the host page itself' };
        window.addEventListener('message', (event: MessageEvent<typeof bogus>) => {
          if (event.data?.from === bogus.from) resolve();
        });
        window.postMessage(bogus, '*');
      }),
  );
  expect((await heights(page)).frame).toBe(before);
});

test('an origin not in allowedOrigins cannot frame the embed (CSP frame-ancestors)', async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('frame-ancestors')) violations.push(m.text());
  });
  await page.goto(hostUrl(blockedPort, embedUrl(baseURL, 'view=kpis')));
  await expect.poll(() => violations.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame?.url().startsWith(baseURL ?? 'x')).toBe(false);
  expect(await page.frameLocator('#wall').getByTestId('embed-root').count()).toBe(0);
});

test('embed headers: frame-ancestors from the config at run time, never X-Frame-Options; other surfaces refuse framing', async ({ request }) => {
  const embed = await request.get(`/embed/${SLUG}?token=${encodeURIComponent(token)}`);
  expect(frameAncestors(embed.headers()['content-security-policy'])).toBe(`frame-ancestors 'self' http://127.0.0.1:${allowedPort}`);
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect(embed.headers()['cache-control']).toBe('private, no-store');
  // A dashboard without allowedOrigins may only be framed by this app itself.
  expect(frameAncestors((await request.get('/embed/pipeline')).headers()['content-security-policy'])).toBe("frame-ancestors 'self'");
  for (const url of ['/d/pipeline', '/tv/pipeline', '/']) {
    const headers = (await request.get(url)).headers();
    expect(frameAncestors(headers['content-security-policy']), url).toBe("frame-ancestors 'none'");
    expect(headers['x-frame-options'], url).toBe('DENY');
  }
});

test('a refused embed shows the notice inside the frame, with no login form and no redirect loop', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(hostUrl(allowedPort, `${baseURL}/embed/${SLUG}?view=kpis`));
  const frame = page.frameLocator('#wall');
  await expect(frame.getByTestId('access-refused')).toBeVisible();
  await expect(frame.getByRole('heading')).toHaveText('This dashboard needs a valid link');
  await expect(frame.locator('input')).toHaveCount(0);
  // A redirect loop keeps the network busy; a settled notice leaves it idle.
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => u.includes(`/embed/${SLUG}`))).toHaveLength(1);
});

test('theme and title parameters: transparent lets the host show through, dark is dark, title=0 hides the name', async ({ page, baseURL }) => {
  await page.goto(hostUrl(allowedPort, embedUrl(baseURL, 'view=kpis&theme=transparent&title=0')));
  const frame = page.frameLocator('#wall');
  await expect(frame.getByTestId('embed-root')).toBeVisible();
  await expect(frame.getByTestId('dashboard-title')).toBeHidden();
  const transparent = await frame.locator('[data-pw-variant]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(transparent).toBe('rgba(0, 0, 0, 0)');
  expect(await frame.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');

  await page.goto(hostUrl(allowedPort, embedUrl(baseURL, 'view=kpis,stages&theme=dark')));
  await expect(frame.getByTestId('dashboard-title')).toBeVisible();
  const dark = await frame.locator('[data-pw-variant]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(dark).toBe('rgb(11, 18, 32)');
  // Chart labels are recoloured for the dark background, not left dark-on-dark.
  const fills = await frame.locator('[data-testid="stage-chart"] text').evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
  expect(fills.length).toBeGreaterThan(0);
  expect(fills).not.toContain('rgb(15, 23, 42)');
});
