import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createUpstreamMonitor, upstreamReport } from '@/lib/server/health';
import { createLogger, registerLogSecrets, scrubLine } from '@/lib/server/log';

function sink() {
  const chunks: string[] = [];
  const destination = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
  return { destination, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

test('pino lines: level names, levels honoured, secret-like keys and record data redacted', () => {
  const out = sink();
  const log = createLogger({ level: 'info', destination: out.destination });
  log.debug({ msg: 'not shown' });
  log.child({ reqId: 'r-1234567' }).warn({
    msg: 'webhook refused',
    headers: { authorization: 'Bearer abc.def', cookie: 'pw_access=xyz', 'x-twenty-webhook-signature': 'ff00' },
    record: { name: 'Acme – big deal' },
    apiKey: 'k-123456',
    nested: { secret: 's', passcode: 'open' },
  });
  const [line] = out.lines();
  expect(out.lines()).toHaveLength(1);
  expect(line).toMatchObject({ level: 'warn', reqId: 'r-1234567', msg: 'webhook refused', record: '[REDACTED]', apiKey: '[REDACTED]' });
  expect(JSON.stringify(line)).not.toMatch(/abc\.def|pw_access|ff00|Acme|k-123456|"open"/);
});

test('registered secrets are scrubbed from any line, wherever they appear', () => {
  registerLogSecrets(['sup3r-secret-api-key', undefined, 'abc']);
  const out = sink();
  createLogger({ destination: out.destination }).error({ msg: 'Twenty auth: key sup3r-secret-api-key refused', detail: 'x sup3r-secret-api-key y' });
  expect(JSON.stringify(out.lines())).not.toContain('sup3r-secret-api-key');
  expect(scrubLine('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: Bearer [REDACTED]');
  expect(scrubLine('abc is too short to be a secret')).toContain('abc'); // short values would shred ordinary words
});

test('upstream monitor: degraded, then down after three failures, one line per change, recovery line', () => {
  let clock = Date.parse('2026-11-26T12:00:00Z');
  const lines: [string, Record<string, unknown>][] = [];
  const monitor = createUpstreamMonitor({ now: () => clock, log: (level, fields) => lines.push([level, fields]) });
  expect(monitor.status()).toMatchObject({ state: 'ok', lastSuccessAt: null, lastError: null, nextRetryAt: null });
  monitor.succeeded();
  expect(lines).toHaveLength(0);
  for (let i = 0; i < 5; i++) {
    clock += 1_000;
    monitor.failed({ reason: 'unreachable', retryAt: clock + 5_000, upstreamCode: 'ECONNREFUSED' });
  }
  expect(lines.map(([level, f]) => [level, f.state, f.reason])).toEqual([
    ['warn', 'degraded', 'unreachable'],
    ['error', 'down', 'unreachable'],
  ]);
  expect(lines[1]?.[1]).toMatchObject({ upstreamCode: 'ECONNREFUSED', failures: 3, nextRetryAt: new Date(clock - 2_000 + 5_000).toISOString() });
  expect(monitor.status()).toMatchObject({ state: 'down', lastError: 'unreachable', consecutiveFailures: 5, nextRetryAt: new Date(clock + 5_000).toISOString() });
  clock += 1_000;
  monitor.failed({ reason: 'auth' }); // the category changed: worth a line
  clock += 1_000;
  monitor.succeeded();
  expect(lines.slice(2).map(([level, f]) => [level, f.state, f.reason])).toEqual([
    ['error', 'down', 'auth'],
    ['info', 'ok', undefined],
  ]);
  expect(lines[3]?.[1]).toMatchObject({ msg: 'upstream recovered', downForMs: 6_000, failures: 6 });
  expect(monitor.status()).toMatchObject({ state: 'ok', nextRetryAt: null, lastError: 'auth', consecutiveFailures: 0 });
});

test('rate limiting is "degraded" however long it lasts; a refused key is "down" at once', () => {
  const lines: unknown[] = [];
  const monitor = createUpstreamMonitor({ log: (_l, f) => lines.push(f), downAfterFailures: 2 });
  for (let i = 0; i < 10; i++) monitor.failed({ reason: 'rate_limited' });
  expect(monitor.status().state).toBe('degraded');
  expect(lines).toHaveLength(1);
  monitor.failed({ reason: 'auth' });
  expect(monitor.status().state).toBe('down');
});

test('the health report: nextRetryAt honours a budget pause, and carries no key or message text', () => {
  const monitor = createUpstreamMonitor({ log: () => undefined, now: () => Date.parse('2026-11-26T12:00:00Z') });
  monitor.failed({ reason: 'rate_limited', retryAt: Date.parse('2026-11-26T12:00:05Z') });
  const budget = { perMinute: 60, burst: 20, available: 0, acquired: 7, rejected: 0, waitedMs: 0, pausedUntil: Date.parse('2026-11-26T12:01:00Z') };
  const report = upstreamReport(monitor.status(), 7, budget);
  expect(report).toMatchObject({ state: 'degraded', lastError: 'rate_limited', nextRetryAt: '2026-11-26T12:01:00.000Z', calls: 7, budget });
  expect(Object.keys(report).sort()).toEqual(['budget', 'calls', 'consecutiveFailures', 'failingSince', 'lastError', 'lastErrorAt', 'lastSuccessAt', 'nextRetryAt', 'state']);
});
