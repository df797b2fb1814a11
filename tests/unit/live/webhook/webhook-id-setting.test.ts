import { expect, test } from 'vitest';
import { describeEnvError, envSchema } from '@/lib/config/env-schema';

// TWENTY_WEBHOOK_ID: optional; when set it must be a webhook id (a UUID), and is named on error.

const base = { TWENTY_API_URL: 'https://crm.example.com', TWENTY_API_KEY: 'key-0123456789' };

test('absent or empty means every webhook signed with the secret is taken', () => {
  expect(envSchema.parse(base).TWENTY_WEBHOOK_ID).toBeUndefined();
  expect(envSchema.parse({ ...base, TWENTY_WEBHOOK_ID: '' }).TWENTY_WEBHOOK_ID).toBeUndefined();
});

test('a webhook id is kept', () => {
  const id = 'd59e857c-e9fe-4de8-a825-dd463c330892';
  expect(envSchema.parse({ ...base, TWENTY_WEBHOOK_ID: id }).TWENTY_WEBHOOK_ID).toBe(id);
});

test('anything else is a bad setting, named in one line', () => {
  const result = envSchema.safeParse({ ...base, TWENTY_WEBHOOK_ID: 'my-webhook' });
  expect(result.success).toBe(false);
  if (result.success) return;
  expect(describeEnvError(result.error)).toMatch(/^TWENTY_WEBHOOK_ID must be the webhook's id/);
});
