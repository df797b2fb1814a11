import { expect, test } from 'vitest';
import { embedFrameHeaders, frameAncestors, noFrameHeaders } from '@/lib/access/frame-policy';

test("with no allowed origins an embed may be framed by this app only", () => {
  expect(frameAncestors([])).toBe("frame-ancestors 'self'");
});

test('allowed origins are listed after self, once each', () => {
  expect(frameAncestors(['https://intranet.example.com', 'http://127.0.0.1:4300', 'https://intranet.example.com'])).toBe(
    "frame-ancestors 'self' https://intranet.example.com http://127.0.0.1:4300",
  );
  expect(frameAncestors(['https://*.example.com'])).toBe("frame-ancestors 'self' https://*.example.com");
});

test('"*" allows any site; anything that is not an origin is dropped, never passed into the header', () => {
  expect(frameAncestors(['*'])).toBe("frame-ancestors 'self' *");
  expect(frameAncestors(["https://a.com; script-src 'unsafe-inline'", 'https://b.com/path', "'none'", 'javascript:x'])).toBe("frame-ancestors 'self'");
});

test('embeds carry CSP only; every other surface refuses framing with both headers, never ALLOWALL', () => {
  expect(embedFrameHeaders(['https://a.com'])).toEqual({ 'content-security-policy': "frame-ancestors 'self' https://a.com" });
  expect(noFrameHeaders()).toEqual({ 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' });
  expect(JSON.stringify([embedFrameHeaders(['*']), noFrameHeaders()])).not.toMatch(/ALLOWALL/i);
});
