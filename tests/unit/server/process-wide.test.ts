import { expect, test, vi } from 'vitest';
import { processWide } from '@/lib/server/process-wide';

// One value per process even when a module is loaded more than once (Next's separate module
// graphs, the server entry's own copy): a fresh copy of the module finds the value already built.

test('built once, on first use; a second copy of the module gets the very same value', async () => {
  let builds = 0;
  const first = processWide('test.shared', () => ({ n: ++builds }));
  expect(processWide('test.shared', () => ({ n: ++builds }))).toBe(first);
  vi.resetModules();
  const copy = await import('@/lib/server/process-wide');
  expect(copy.processWide).not.toBe(processWide);
  expect(copy.processWide('test.shared', () => ({ n: ++builds }))).toBe(first);
  expect(builds).toBe(1);
  expect(processWide('test.other', () => 'other')).toBe('other');
});

test('a build that throws keeps nothing: the next call builds again', () => {
  expect(() => processWide('test.flaky', () => {
    throw new Error('not yet');
  })).toThrow('not yet');
  expect(processWide('test.flaky', () => 42)).toBe(42);
});
