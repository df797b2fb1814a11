import { describe, expect, test } from 'vitest';
import { checkSameOrigin, MAX_UNLOCK_BYTES, parseUnlockFields, readCappedBody, unlockMediaType } from '@/lib/access/unlock-request';
import { safeReturnTo } from '@/lib/access/unlock';

const h = (headers: Record<string, string>) => new Headers(headers);
const direct = { publicBaseUrl: undefined, trustProxy: false };

describe('CSRF: /api/unlock answers only same-site requests', () => {
  test('Sec-Fetch-Site: cross-site is refused whatever else the request says', () => {
    expect(checkSameOrigin(h({ 'sec-fetch-site': 'cross-site', host: 'wall.test', origin: 'http://wall.test' }), direct)).toEqual({ status: 403, error: 'cross_site_request' });
    expect(checkSameOrigin(h({ 'sec-fetch-site': 'same-origin', host: 'wall.test', origin: 'http://wall.test' }), direct)).toBeNull();
  });

  test('without PUBLIC_BASE_URL an Origin must name the host the request came to', () => {
    expect(checkSameOrigin(h({ host: 'wall.test:3000', origin: 'http://wall.test:3000' }), direct)).toBeNull();
    expect(checkSameOrigin(h({ host: 'wall.test:3000' }), direct)).toBeNull(); // no Origin (curl, old browsers): nothing to judge
    for (const origin of ['https://evil.example', 'http://wall.test:4000', 'http://wall.test.evil.example:3000', 'null', 'garbage']) {
      expect(checkSameOrigin(h({ host: 'wall.test:3000', origin }), direct), origin).toMatchObject({ status: 403 });
    }
    // A forwarded host counts only behind a trusted proxy, and then its scheme must match too.
    expect(checkSameOrigin(h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'wall.example.com', origin: 'https://wall.example.com' }), direct)).toMatchObject({ status: 403 });
    const proxied = { publicBaseUrl: undefined, trustProxy: true };
    expect(checkSameOrigin(h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'wall.example.com', 'x-forwarded-proto': 'https', origin: 'https://wall.example.com' }), proxied)).toBeNull();
    expect(checkSameOrigin(h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'wall.example.com', 'x-forwarded-proto': 'https', origin: 'http://wall.example.com' }), proxied)).toMatchObject({ status: 403 });
  });

  test('with PUBLIC_BASE_URL it is the only origin accepted, whatever Host says', () => {
    const policy = { publicBaseUrl: 'https://wall.example.com', trustProxy: false };
    expect(checkSameOrigin(h({ host: '127.0.0.1:3000', origin: 'https://wall.example.com' }), policy)).toBeNull();
    expect(checkSameOrigin(h({ host: 'evil.example', origin: 'https://evil.example' }), policy)).toMatchObject({ status: 403 });
    expect(checkSameOrigin(h({ host: 'wall.example.com', origin: 'http://wall.example.com' }), policy)).toMatchObject({ status: 403 });
  });
});

test('a form or JSON only, judged by the media type and never by a parameter', () => {
  expect(unlockMediaType('application/x-www-form-urlencoded')).toBe('form');
  expect(unlockMediaType('application/x-www-form-urlencoded; charset=UTF-8')).toBe('form');
  expect(unlockMediaType('multipart/form-data; boundary=x')).toBe('multipart');
  expect(unlockMediaType('Application/JSON; charset=utf-8')).toBe('json');
  for (const other of ['text/plain;charset=application/json', 'text/plain', 'application/jsonp', 'application/json-patch+json', '', null]) {
    expect(unlockMediaType(other), String(other)).toBeNull();
  }
});

describe('the body is capped before it is read', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://wall.test/api/unlock', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  test('a declared Content-Length over the cap is refused without reading a byte', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(1024))) });
    const result = await readCappedBody(post(body, { 'content-length': String(100 * 1024 * 1024) }), MAX_UNLOCK_BYTES);
    expect(result).toEqual({ ok: false, refusal: { status: 413, error: 'body_too_large' } });
    expect(pulled).toBeLessThanOrEqual(1); // the stream's own first pull, never a read of ours
  });

  test('a body without a length is read only until it passes the cap', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const result = await readCappedBody(post(endless), MAX_UNLOCK_BYTES);
    expect(result).toEqual({ ok: false, refusal: { status: 413, error: 'body_too_large' } });
    expect(sent).toBeLessThan(MAX_UNLOCK_BYTES + 8 * 1024);
  });

  test('a small form is read whole', async () => {
    const result = await readCappedBody(post('slug=board&passcode=x'), MAX_UNLOCK_BYTES);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('slug=board&passcode=x');
  });
});

test('fields: a form, a multipart form and JSON parse; a file or broken JSON does not', async () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  expect(await parseUnlockFields(bytes('slug=board&passcode=a%20b'), 'form', 'application/x-www-form-urlencoded')).toEqual({ slug: 'board', passcode: 'a b' });
  expect(await parseUnlockFields(bytes('{"slug":"board","passcode":"x"}'), 'json', 'application/json')).toEqual({ slug: 'board', passcode: 'x' });
  expect(await parseUnlockFields(bytes('{"slug":'), 'json', 'application/json')).toBeNull();
  const form = new FormData();
  form.set('slug', 'board');
  form.set('passcode', 'x');
  const multipart = new Request('http://wall.test', { method: 'POST', body: form });
  const type = multipart.headers.get('content-type') ?? '';
  expect(await parseUnlockFields(new Uint8Array(await multipart.arrayBuffer()), 'multipart', type)).toEqual({ slug: 'board', passcode: 'x' });
  const withFile = new FormData();
  withFile.set('passcode', new Blob(['x']), 'p.txt');
  const fileRequest = new Request('http://wall.test', { method: 'POST', body: withFile });
  expect(await parseUnlockFields(new Uint8Array(await fileRequest.arrayBuffer()), 'multipart', fileRequest.headers.get('content-type') ?? '')).toBeNull();
});

test('returnTo with a control character (or anything a Location header cannot carry) falls back to the dashboard', () => {
  for (const bad of ['/d/board?x=\u0001', '/d/board?x=\r\nSet-Cookie:a=b', '/tv/board?theme=dark\u007f', '/d/board?x=\u00e9', '/d/board?x=\u2028', '/d/board?a b']) {
    expect(safeReturnTo('board', bad), JSON.stringify(bad)).toBe('/d/board');
  }
  expect(safeReturnTo('board', '/tv/board?theme=dark&view=kpis,stages')).toBe('/tv/board?theme=dark&view=kpis,stages');
  expect(safeReturnTo('board', '/d/board?token=Fe26.2*1*abc~2')).toBe('/d/board?token=Fe26.2*1*abc~2');
});
