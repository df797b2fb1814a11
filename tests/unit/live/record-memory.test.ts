import { describe, expect, test } from 'vitest';
import { createRecordMemory } from '@/lib/live/record-memory';
import { iso, record } from './helpers';

const T = Date.parse('2026-06-15T12:00:00.000Z');

describe('record memory orders deliveries by updatedAt', () => {
  test('an older state cannot override a newer one (out-of-order delivery)', () => {
    const memory = createRecordMemory(10);
    const newer = record('a', { stage: 'PROPOSAL', updatedAt: iso(T + 2_000) });
    const older = record('a', { stage: 'MEETING', updatedAt: iso(T + 1_000) });
    expect(memory.observe(newer)).toMatchObject({ kind: 'accepted', previous: undefined });
    expect(memory.observe(older)).toEqual({ kind: 'ignored', reason: 'older' });
    expect(memory.get('a')?.stage).toBe('PROPOSAL');
  });

  test('a repeated delivery is a duplicate; a newer one reports the previous state', () => {
    const memory = createRecordMemory(10);
    const first = record('a', { updatedAt: iso(T) });
    memory.observe(first);
    expect(memory.observe({ ...first })).toEqual({ kind: 'ignored', reason: 'duplicate' });
    const second = { ...first, stage: 'MEETING', updatedAt: iso(T + 1) };
    expect(memory.observe(second)).toEqual({ kind: 'accepted', previous: first, next: second, ambiguous: false });
  });

  test('same updatedAt with different content is accepted but flagged ambiguous', () => {
    const memory = createRecordMemory(10);
    memory.observe(record('a', { updatedAt: iso(T) }));
    expect(memory.observe(record('a', { stage: 'MEETING', updatedAt: iso(T) }))).toMatchObject({ kind: 'accepted', ambiguous: true });
  });

  test('destroyed (which repeats the last updatedAt) is final: nothing after it counts', () => {
    const memory = createRecordMemory(10);
    const last = record('a', { updatedAt: iso(T) });
    memory.observe(last);
    expect(memory.observe({ ...last, destroyed: true })).toMatchObject({ kind: 'accepted', previous: last });
    expect(memory.observe(record('a', { updatedAt: iso(T + 5_000) }))).toEqual({ kind: 'ignored', reason: 'after_destroy' });
  });

  test('bounded: the record heard of least recently is forgotten first', () => {
    const memory = createRecordMemory(3);
    for (const id of ['a', 'b', 'c']) memory.observe(record(id, { updatedAt: iso(T) }));
    memory.observe(record('a', { updatedAt: iso(T + 1) })); // a is now the most recent
    memory.observe(record('d', { updatedAt: iso(T) }));
    expect(memory.size()).toBe(3);
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')?.updatedAt).toBe(iso(T + 1));
  });
});
