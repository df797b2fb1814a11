import { expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
// Next's own compilation of a proxy matcher (untyped), so this checks what the server really matches.
import * as staticInfo from 'next/dist/build/analysis/get-page-static-info';
import { config } from '@/proxy';

// proxy.ts runs before pages and assets only: every API route applies the edge itself
// (lib/http/route-check.ts), and a second pass through the proxy would cost each JSON poll a
// framework round. A new route under app/api/ must be left out of the matcher too.

const ROOT = resolve(__dirname, '../../..');
const compile: unknown = (staticInfo as Record<string, unknown>).getMiddlewareMatchers;
if (typeof compile !== 'function') throw new Error('next no longer exports getMiddlewareMatchers: compile the matcher another way');
const matchers = z.array(z.object({ regexp: z.string() })).min(1).parse(Reflect.apply(compile, undefined, [config.matcher, {}]));
const proxied = (path: string) => matchers.some((m) => new RegExp(m.regexp).test(path));

function apiRoutes(dir = join(ROOT, 'app/api')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(path);
    return entry.name === 'route.ts' ? [`/${relative(join(ROOT, 'app'), dir).replace(/\[[^\]]+\]/g, 'pipeline')}`] : [];
  });
}

test('no API route passes through the proxy', () => {
  const routes = apiRoutes();
  expect(routes).toEqual(expect.arrayContaining(['/api/dashboards/pipeline', '/api/dashboards/pipeline/events', '/api/health', '/api/unlock', '/api/webhooks/twenty']));
  for (const route of routes) expect(proxied(route), route).toBe(false);
});

test('pages, assets and paths no route serves (Next answers them with its not-found page) still do', () => {
  for (const path of ['/', '/d/pipeline', '/embed/pipeline', '/tv/pipeline', '/preview', '/icon.svg', '/embed.js', '/_next/static/chunks/app.js', '/api', '/api/nope', '/api/dashboards/pipeline/x', '/api/healthz']) {
    expect(proxied(path), path).toBe(true);
  }
});
