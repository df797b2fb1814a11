import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { envSchema } from '@/lib/config/env-schema';

// Every setting the schema knows is documented where an operator looks: the README's env table
// and .env.example, whose values are the schema's defaults (empty for "unset").

const KEYS = Object.keys(envSchema.shape);
const readme = readFileSync('README.md', 'utf8');
const example = readFileSync('.env.example', 'utf8');

function readmeTableKeys(): Set<string> {
  const keys = new Set<string>();
  for (const line of readme.split('\n')) {
    const firstCell = /^\|([^|]+)\|/.exec(line)?.[1] ?? '';
    for (const [, key] of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) if (key) keys.add(key);
  }
  return keys;
}

function exampleValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const [, key, value] of example.matchAll(/^# ([A-Z][A-Z0-9_]+)=(.*)$/gm)) if (key) values.set(key, value ?? '');
  return values;
}

test('the README env table lists every setting of the schema, and nothing else', () => {
  const documented = readmeTableKeys();
  expect(KEYS.filter((key) => !documented.has(key))).toEqual([]);
  expect([...documented].filter((key) => /_(MS|MINUTE|BURST|URL|KEY|SECRET|ID|TOKEN|PASSWORD)$/.test(key) && !KEYS.includes(key))).toEqual([]);
});

test('.env.example lists every setting once, with the schema default', () => {
  const values = exampleValues();
  expect(KEYS.filter((key) => !values.has(key))).toEqual([]);
  expect([...values.keys()].filter((key) => !KEYS.includes(key))).toEqual([]);
  const defaults = envSchema.parse({ TWENTY_API_URL: 'https://crm.example.com', TWENTY_API_KEY: 'k'.repeat(20) });
  for (const [key, value] of values) {
    if (key === 'TWENTY_API_URL' || key === 'TWENTY_API_KEY') continue; // required: no default to show
    const actual: unknown = defaults[key as keyof typeof defaults];
    expect(value, key).toBe(actual === undefined ? '' : String(actual));
  }
});
