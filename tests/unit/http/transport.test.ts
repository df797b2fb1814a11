import { expect, test } from 'vitest';
import { accessSessionOptions } from '@/lib/access/session';
import { envSchema } from '@/lib/config/env-schema';
import { checkRequest, createEdge } from '@/lib/http/request-check';
import { PEER_HEADER } from '@/lib/http/client-ip';
import { edgeSettingsFromEnv } from '@/lib/http/http-settings';
import { servedOverHttps, type TransportSettings } from '@/lib/http/transport';

// The session cookie's Secure flag and HSTS: from PUBLIC_BASE_URL's scheme when set, from the
// trusted proxy's X-Forwarded-Proto when TRUST_PROXY=1, and otherwise not at all. Whatever a
// client sends in Host, X-Forwarded-Host or X-Forwarded-Proto decides nothing by itself.

const CLAIMS_TLS = { host: 'wall.example.com', 'x-forwarded-host': 'wall.example.com', 'x-forwarded-proto': 'https' };
const PLAIN = { host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' };

function envOf(extra: Record<string, string>) {
  return envSchema.parse({ TWENTY_API_URL: 'http://127.0.0.1:3000', TWENTY_API_KEY: 'a-twenty-api-key', ...extra });
}

/** What one request gets: HSTS on the response, Secure on the cookie an unlock would set. */
function outcome(settings: TransportSettings, headers: Record<string, string>) {
  const edge = createEdge({
    ...edgeSettingsFromEnv(envOf({})),
    ...settings,
  });
  const check = checkRequest(edge, { url: new URL('http://wall.test/d/pipeline'), rawUrlLength: 12, headers: new Headers({ [PEER_HEADER]: '192.0.2.1', ...headers }) });
  const cookie = accessSessionOptions('p'.repeat(32), servedOverHttps(edge.settings, new Headers(headers))).cookieOptions;
  return { hsts: check.headers['strict-transport-security'] !== undefined, secure: cookie?.secure };
}

test('PUBLIC_BASE_URL https: Secure and HSTS on every request, whatever the client sends', () => {
  const settings = { publicBaseUrl: 'https://wall.example.com', trustProxy: false };
  for (const headers of [PLAIN, CLAIMS_TLS, {}]) expect(outcome(settings, headers)).toEqual({ hsts: true, secure: true });
  // Also behind a trusted proxy that says http: the operator's word wins.
  expect(outcome({ ...settings, trustProxy: true }, PLAIN)).toEqual({ hsts: true, secure: true });
});

test('PUBLIC_BASE_URL http: neither, even when a client or the proxy claims TLS', () => {
  for (const trustProxy of [false, true]) {
    expect(outcome({ publicBaseUrl: 'http://wall.example.com', trustProxy }, CLAIMS_TLS)).toEqual({ hsts: false, secure: false });
  }
});

test("no PUBLIC_BASE_URL, TRUST_PROXY=1: the proxy's X-Forwarded-Proto decides (its own entry, the last)", () => {
  const settings = { trustProxy: true };
  expect(outcome(settings, CLAIMS_TLS)).toEqual({ hsts: true, secure: true });
  expect(outcome(settings, PLAIN)).toEqual({ hsts: false, secure: false });
  expect(outcome(settings, { 'x-forwarded-proto': 'HTTPS' })).toEqual({ hsts: true, secure: true });
  // A client's "https" in front of what an appending proxy saw (http) does not count.
  expect(outcome(settings, { 'x-forwarded-proto': 'https, http' })).toEqual({ hsts: false, secure: false });
  expect(outcome(settings, { host: 'wall.example.com' })).toEqual({ hsts: false, secure: false });
});

test('no PUBLIC_BASE_URL, no TRUST_PROXY: neither, whatever Host or X-Forwarded-* a client sends', () => {
  const settings = { trustProxy: false };
  const claims: Record<string, string>[] = [CLAIMS_TLS, PLAIN, { host: 'wall.example.com' }, { 'x-forwarded-proto': 'https' }, {}];
  for (const headers of claims) {
    expect(outcome(settings, headers)).toEqual({ hsts: false, secure: false });
  }
});

test('the settings come from the environment: PUBLIC_BASE_URL (no default) and TRUST_PROXY', () => {
  expect(edgeSettingsFromEnv(envOf({})).publicBaseUrl).toBeUndefined();
  expect(edgeSettingsFromEnv(envOf({ PUBLIC_BASE_URL: '' })).publicBaseUrl).toBeUndefined();
  const set = edgeSettingsFromEnv(envOf({ PUBLIC_BASE_URL: 'https://wall.example.com/', TRUST_PROXY: '1' }));
  expect(set).toMatchObject({ publicBaseUrl: 'https://wall.example.com', trustProxy: true });
  expect(servedOverHttps(set, new Headers(PLAIN))).toBe(true);
});
