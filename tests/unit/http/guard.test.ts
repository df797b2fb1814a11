import { expect, test } from 'vitest';
import { clientKeyOf, PEER_HEADER } from '@/lib/http/client-ip';
import { snapshotEtag, matchesIfNoneMatch } from '@/lib/http/etag';
import { checkRequest, createEdge, responseKindOf, type EdgeSettings } from '@/lib/http/request-check';
import { requestIdOf } from '@/lib/http/request-id';
import { mergeCsp, pageCsp, securityHeaders } from '@/lib/http/security-headers';
import { checkUrl } from '@/lib/http/url-limits';

const settings = (trustProxy = false): EdgeSettings => ({
  trustProxy,
  rules: { json: { perMinute: 60, burst: 2 }, sse: { perMinute: 60, burst: 2 }, webhook: { perMinute: 60, burst: 2 }, unlock: { perMinute: 60, burst: 2 } },
  maxClients: 100,
  sse: { perClient: 2, total: 10 },
});
const headers = (h: Record<string, string>) => new Headers(h);

test('the client is the socket peer; X-Forwarded-For counts only behind a trusted proxy (its last hop)', () => {
  const h = headers({ [PEER_HEADER]: '::ffff:10.0.0.7', 'x-forwarded-for': '1.2.3.4, 198.51.100.9' });
  expect(clientKeyOf(h, { trustProxy: false, peerHeaderTrusted: true })).toBe('10.0.0.7');
  expect(clientKeyOf(h, { trustProxy: true, peerHeaderTrusted: true })).toBe('198.51.100.9');
  // A spoofed peer header is ignored unless the server hook stamps every request.
  expect(clientKeyOf(headers({ [PEER_HEADER]: '10.9.9.9', 'x-forwarded-for': '127.0.0.1' }), { trustProxy: false, peerHeaderTrusted: false })).toBe('127.0.0.1');
  expect(clientKeyOf(headers({ [PEER_HEADER]: 'not an ip' }), { trustProxy: false, peerHeaderTrusted: true })).toBe('unknown');
});

test('IPv6 clients are keyed by their /64, so rotating addresses within it does not buy requests', () => {
  const key = (ip: string) => clientKeyOf(headers({ [PEER_HEADER]: ip }), { trustProxy: false, peerHeaderTrusted: true });
  expect(key('2001:db8:1:2::1')).toBe(key('2001:db8:1:2:ffff:ffff:ffff:fffe'));
  expect(key('2001:db8:1:2::1')).not.toBe(key('2001:db8:1:3::1'));
});

test('request ids: a sane incoming X-Request-Id is kept, anything else replaced', () => {
  expect(requestIdOf(headers({ 'x-request-id': 'lb-7f3a9c21' }))).toBe('lb-7f3a9c21');
  const fresh = requestIdOf(headers({ 'x-request-id': '<script>alert(1)</script>' }));
  expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestIdOf(headers({}))).not.toBe(fresh);
});

test('URL limits: oversized URL 414, too many or huge params 400, bad API slugs 404; normal URLs pass', () => {
  const check = (path: string) => checkUrl(new URL(path, 'http://x'), path.length);
  expect(check('/api/dashboards/pipeline?token=abc&theme=dark')).toBeNull();
  expect(check(`/d/pipeline?x=${'a'.repeat(5_000)}`)).toMatchObject({ status: 414 });
  expect(check(`/api/dashboards/pipeline?${Array.from({ length: 30 }, (_, i) => `p${i}=1`).join('&')}`)).toMatchObject({ status: 400 });
  expect(check(`/api/dashboards/pipeline?token=${'a'.repeat(3_000)}`)).toMatchObject({ status: 400 });
  for (const slug of ['UPPER', '..%2F..%2Fetc', '%E0%A4%A', 'a'.repeat(64), '-dash', '']) {
    expect(check(`/api/dashboards/${slug}`), slug).toMatchObject({ status: 404, error: 'bad_slug' });
  }
  expect(check('/d/UPPER')).toBeNull(); // pages answer with their own 404 page
});

test('checkRequest: security headers and a request id on everything, 429 with Retry-After past the burst', async () => {
  const edge = createEdge(settings(), { now: () => 0, peerHeaderTrusted: () => true });
  const req = (path: string, h: Record<string, string> = {}) =>
    checkRequest(edge, { url: new URL(path, 'http://wall.test'), rawUrlLength: path.length, headers: headers({ [PEER_HEADER]: '192.0.2.1', ...h }) });
  expect(req('/api/dashboards/pipeline').refusal).toBeNull();
  expect(req('/api/dashboards/pipeline').refusal).toBeNull();
  const third = req('/api/dashboards/pipeline');
  expect(third.refusal?.status).toBe(429);
  expect(third.refusal?.headers.get('retry-after')).toBe('1');
  expect(third.refusal?.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await third.refusal?.json()).toEqual({ error: 'rate_limited' });
  // Another client is not affected, nor are pages.
  expect(req('/api/dashboards/pipeline', { [PEER_HEADER]: '192.0.2.2' }).refusal).toBeNull();
  const page = req('/d/pipeline');
  expect(page.refusal).toBeNull();
  expect(page.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
  expect(page.headers['strict-transport-security']).toBeUndefined();
  // HSTS follows PUBLIC_BASE_URL or a trusted proxy, never a client's header (tests/unit/http/transport.test.ts).
  expect(req('/d/pipeline', { 'x-forwarded-proto': 'https' }).headers['strict-transport-security']).toBeUndefined();
  expect(req('/api/health').headers['content-security-policy']).toContain("default-src 'none'");
});

test('page CSP: scripts only from self or with the nonce; frame-ancestors merged, not clobbered', () => {
  const csp = pageCsp('abc123', "frame-ancestors 'self' https://intranet.example.com");
  expect(csp).toContain("script-src 'self' 'nonce-abc123'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'self' https://intranet.example.com");
  expect(mergeCsp("frame-ancestors 'none'", pageCsp('n', "frame-ancestors 'self'"))).toMatch(/frame-ancestors 'none'$|frame-ancestors 'none';/);
  expect(mergeCsp("frame-ancestors 'none'", pageCsp('n', "frame-ancestors 'self'")).match(/frame-ancestors/g)).toHaveLength(1);
  expect(securityHeaders('asset', false)['content-security-policy']).toBeUndefined();
  expect(responseKindOf('/_next/static/chunks/a.js')).toBe('asset');
  expect(responseKindOf('/embed.js')).toBe('asset');
  expect(responseKindOf('/tv/x')).toBe('page');
});

test('ETag is the snapshot version plus its freshness; If-None-Match matches strong, weak, lists and *', () => {
  const fresh = snapshotEtag({ version: 'v1a2', stale: false, staleReason: null });
  const stale = snapshotEtag({ version: 'v1a2', stale: true, staleReason: 'unreachable' });
  expect(fresh).toBe('"v1a2-fresh"');
  expect(stale).not.toBe(fresh);
  expect(matchesIfNoneMatch(fresh, fresh)).toBe(true);
  expect(matchesIfNoneMatch(`"other", W/${fresh}`, fresh)).toBe(true);
  expect(matchesIfNoneMatch('*', fresh)).toBe(true);
  expect(matchesIfNoneMatch(fresh, stale)).toBe(false);
  expect(matchesIfNoneMatch(null, fresh)).toBe(false);
});
