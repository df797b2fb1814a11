import { expect, test } from 'vitest';
import { dashboardDefaults, dashboardsFileSchema } from '@/lib/config/dashboard-schema';
import { checkAccessSettings } from '@/lib/access/access-settings';
import { ConfigError } from '@/lib/config/errors';

const HASH = 'scrypt$16384$8$1$NdUejiCPs_IZaHY1NCJ1Dw$IZTEbkiPrA-Egd8T4L2TgXTV97yGcAff-e1Su7T07EE';

test('new access keys default to a public dashboard, version 1, self-only embedding, a five-view TV loop', () => {
  const d = dashboardDefaults({ slug: 'a', title: 'A' });
  expect(d.access).toBe('public');
  expect(d.tokenVersion).toBe(1);
  expect(d.allowedOrigins).toEqual([]);
  expect(d.passcodeHash).toBeUndefined();
  expect(d.tv.views.map((s) => s.view)).toEqual(['kpis', 'stages', 'funnel', 'timeline', 'deals']);
});

test('a passcode dashboard must carry a passcodeHash; a plaintext passcode key is rejected', () => {
  const missing = dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', access: 'passcode' }] });
  expect(missing.success).toBe(false);
  expect(missing.error?.issues[0]?.path).toEqual(['dashboards', 0, 'passcodeHash']);
  expect(dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', access: 'passcode', passcode: '1234' }] }).success).toBe(false);
  expect(dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', access: 'passcode', passcodeHash: HASH }] }).success).toBe(true);
});

test('allowedOrigins accepts origins and wildcards, never paths or CSP fragments', () => {
  const parse = (allowedOrigins: string[]) => dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', allowedOrigins }] }).success;
  expect(parse(['https://intranet.example.com', 'http://127.0.0.1:4300', 'https://*.example.com', '*'])).toBe(true);
  expect(parse(['https://example.com/page'])).toBe(false);
  expect(parse(["https://a.com 'unsafe-inline'"])).toBe(false);
  expect(parse(['example.com'])).toBe(false);
});

test('tv rotation: views from the list, 5 s to an hour each', () => {
  const parse = (views: unknown) => dashboardsFileSchema.safeParse({ dashboards: [{ slug: 'a', title: 'A', tv: { views } }] }).success;
  expect(parse([{ view: 'funnel', seconds: 30 }])).toBe(true);
  expect(parse([{ view: 'pie', seconds: 30 }])).toBe(false);
  expect(parse([{ view: 'kpis', seconds: 2 }])).toBe(false);
  expect(parse([])).toBe(false);
});

test('startup check: a protected dashboard needs SESSION_PASSWORD, and the message names it', () => {
  const open = dashboardDefaults({ slug: 'a', title: 'A' });
  const linked = dashboardDefaults({ slug: 'b', title: 'B', access: 'link' });
  expect(() => checkAccessSettings([open], undefined)).not.toThrow();
  expect(() => checkAccessSettings([open, linked], 'x'.repeat(32))).not.toThrow();
  expect(() => checkAccessSettings([open, linked], undefined)).toThrow(ConfigError);
  expect(() => checkAccessSettings([open, linked], 'short')).toThrow(/^Invalid setting: SESSION_PASSWORD is required \(at least 32 characters\) because dashboard "b"/);
});
