import { expect, test } from 'vitest';
import { envSchema } from '@/lib/config/env-schema';
import { createEdge, checkRequest } from '@/lib/http/request-check';
import { edgeSettingsFromEnv } from '@/lib/http/http-settings';
import { PEER_HEADER } from '@/lib/http/client-ip';

// An office behind one address (NAT, a proxy) is the main audience of a shared link: with the
// default settings, its screens must all stay live and all be able to read the JSON.

const defaults = edgeSettingsFromEnv(envSchema.parse({ TWENTY_API_URL: 'https://crm.example.com', TWENTY_API_KEY: 'a-long-enough-key' }));
const OFFICE = '203.0.113.7';

function edgeAt(clock: { t: number }) {
  const edge = createEdge(defaults, { now: () => clock.t, peerHeaderTrusted: () => true });
  const request = (path: string) =>
    checkRequest(edge, { url: new URL(path, 'http://wall.test'), rawUrlLength: path.length, headers: new Headers({ [PEER_HEADER]: OFFICE }) });
  return { edge, request };
}

test('the defaults: 1,000 streams per address (a hard cap), 5,000 in total', () => {
  expect(defaults.sse).toEqual({ perClient: 1_000, total: 5_000 });
});

test('500 screens from one address open their streams at once, and again all at once after a restart', () => {
  const clock = { t: 0 };
  const { edge, request } = edgeAt(clock);
  for (const round of [0, 1]) {
    const slots = [];
    for (let i = 0; i < 500; i++) {
      expect(request('/api/dashboards/pipeline/events').refusal, `round ${round}, stream ${i}`).toBeNull();
      const slot = edge.sse.acquire(OFFICE);
      expect(slot.ok, `round ${round}, slot ${i}`).toBe(true);
      slots.push(slot);
    }
    // The restart: every stream ends and the screens come back within seconds.
    for (const slot of slots) if (slot.ok) slot.release();
    clock.t += 5_000;
  }
});

test('1,000 screens from one address polling the JSON every 10 s for ten minutes are never refused', () => {
  const clock = { t: 0 };
  const { request } = edgeAt(clock);
  let refused = 0;
  // All at once first (the office opens the link together), then each on its own 10 s beat.
  for (let tick = 0; tick < 60; tick++) {
    for (let screen = 0; screen < 1_000; screen++) {
      clock.t = tick * 10_000 + (tick === 0 ? 0 : screen * 10);
      if (request('/api/dashboards/pipeline').refusal) refused += 1;
    }
  }
  expect(refused).toBe(0);
});
