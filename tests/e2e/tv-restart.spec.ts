import { test, expect } from './support/fixtures';
import { freePort, startAppProcess } from './support/app-process';

// A TV on the wall is never touched: when the app restarts it must show that it is reconnecting,
// keep the last numbers, and come back live by itself — no reload, no login.
test('after an app restart the TV shows reconnecting, then live, by itself', async ({ page, stack }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const port = await freePort();
  let app = await startAppProcess({ stack, port });
  const wall = page.getByTestId('tv-wall');
  try {
    await page.goto(`${app.url}/tv/pipeline`);
    await expect(wall).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
    await page.evaluate(() => Object.assign(window, { __tvMarker: 'before restart' }));

    await app.stop();
    await expect(wall).toHaveAttribute('data-connection', /reconnecting|offline/);
    await expect(page.getByTestId('tv-disconnected')).toBeVisible();
    // The last good numbers stay on the wall while the server is away.
    await expect(page.getByTestId('tv-frame')).not.toBeEmpty();

    app = await startAppProcess({ stack, port });
    await expect(wall).toHaveAttribute('data-connection', 'live', { timeout: 60_000 });
    await expect(page.getByTestId('tv-disconnected')).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { __tvMarker?: string }).__tvMarker)).toBe('before restart');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(page.url()).toContain('/tv/pipeline');
  } finally {
    await app.stop();
  }
});
