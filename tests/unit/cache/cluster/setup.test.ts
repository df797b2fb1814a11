import { describe, expect, test } from 'vitest';
import { clusterFromEnv } from '@/lib/cache/cluster/setup';
import { createMemoryNonceStore } from '@/lib/live/webhook/nonce-store';
import { redisServerForFile } from '@/tests/unit/cache/redis/harness';

const harness = redisServerForFile();

describe('clusterFromEnv', () => {
  test('no REDIS_URL: nothing to set up (memory mode)', () => {
    const lines: string[] = [];
    expect(clusterFromEnv({ REDIS_URL: '' }, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([]);
  });

  test('REDIS_URL set: one shared connection, a shared nonce store, and no password in the logs', async () => {
    const lines: string[] = [];
    const url = harness.server().url.replace('redis://', 'redis://default:@');
    const setup = clusterFromEnv({ REDIS_URL: url, REDIS_PREFIX: 'setup:' }, (l) => lines.push(l));
    if (!setup) throw new Error('no cluster setup');
    try {
      expect(await setup.redis.whenUp(5_000)).toBe(true);
      expect(setup.redis.prefix).toBe('setup:');
      expect(clusterFromEnv({ REDIS_URL: url }, () => {})?.redis).toBe(setup.redis);
      const nonces = setup.nonces(createMemoryNonceStore(10));
      expect(await nonces.seen('n', 10_000)).toBe(false);
      expect(await setup.redis.client.exists('setup:nonce:n')).toBe(1);
      expect(lines[0]).toMatch(/^cluster: instance .+ on redis:\/\/127\.0\.0\.1:\d+ \(prefix "setup:"\)$/);
      expect(() => clusterFromEnv({ REDIS_URL: 'http://:pw@h' }, () => {})).toThrow(/^Invalid setting: REDIS_URL/);
    } finally {
      await setup.redis.close();
    }
  });
});
