import { describe, expect, test } from 'vitest';
import { createRedisConnection } from '@/lib/cache/redis/connection';
import { describeRedisUrl, redisSettingsFromEnv } from '@/lib/cache/redis/redis-settings';
import { freePort } from '@/tests/support/redis-server';
import { redisServerForFile, until } from './harness';

const harness = redisServerForFile();

describe('redis connection', () => {
  test('with nothing listening: down at once, one log line, commands fail fast instead of queueing', async () => {
    const lines: string[] = [];
    const port = await freePort();
    const conn = createRedisConnection({ url: `redis://:hunter2secret@127.0.0.1:${port}`, prefix: 'x:', log: (l) => lines.push(l), retry: { baseMs: 10, maxMs: 20 } });
    try {
      expect(await conn.whenUp(300)).toBe(false);
      expect(conn.isUp()).toBe(false);
      expect(conn.failure()).toBe('refused');
      const startedAt = Date.now();
      await expect(conn.client.get('k')).rejects.toThrow();
      expect(Date.now() - startedAt).toBeLessThan(100);
      expect(lines).toEqual(['redis down: refused']);
      expect(lines.join('\n')).not.toContain('hunter2secret');
    } finally {
      await conn.close();
    }
  });

  test('kill and restart: exactly one "down" and one "back" line, and commands work again', async () => {
    const server = harness.server();
    const lines: string[] = [];
    const conn = await harness.connect({ lines });
    expect(lines).toEqual(['redis up']);
    const changes: boolean[] = [];
    conn.onStateChange((up) => changes.push(up));
    let reconnects = 0;
    conn.client.on('reconnecting', () => (reconnects += 1));
    await server.stop();
    await until(() => !conn.isUp());
    await expect(conn.client.set('k', 'v')).rejects.toThrow();
    // Several reconnect attempts fail meanwhile, and still only one "down" line.
    const failedBefore = reconnects;
    await until(() => reconnects >= failedBefore + 3);
    await server.start();
    await until(() => conn.isUp());
    expect(await conn.client.set('k', 'v')).toBe('OK');
    expect(changes).toEqual([false, true]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^redis down: (refused|reset|closed|error)$/);
    expect(lines[2]).toBe('redis back');
  });
});

describe('redis settings', () => {
  test('unset or blank REDIS_URL means memory mode; a bad one names the setting, not the value', () => {
    expect(redisSettingsFromEnv({})).toBeUndefined();
    expect(redisSettingsFromEnv({ REDIS_URL: '  ' })).toBeUndefined();
    expect(redisSettingsFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'pw:' });
    expect(redisSettingsFromEnv({ REDIS_URL: 'rediss://h:1', REDIS_PREFIX: 'wall1:' })).toEqual({ url: 'rediss://h:1', prefix: 'wall1:' });
    expect(() => redisSettingsFromEnv({ REDIS_URL: 'http://:pw123@h' })).toThrow(/^Invalid setting: REDIS_URL must start with redis/);
    expect(() => redisSettingsFromEnv({ REDIS_URL: 'http://:pw123@h' })).not.toThrow(/pw123/);
    expect(() => redisSettingsFromEnv({ REDIS_URL: 'redis://h', REDIS_PREFIX: 'has space' })).toThrow(/^Invalid setting: REDIS_PREFIX/);
  });

  test('the URL as logged carries no credentials', () => {
    expect(describeRedisUrl('redis://user:s3cret@cache.internal:6380/2')).toBe('redis://cache.internal:6380/2');
    expect(describeRedisUrl('redis://:s3cret@cache.internal')).toBe('redis://cache.internal');
  });
});
