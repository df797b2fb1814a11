import { expect, test } from 'vitest';
import { createSseSlots, type SseSlot } from '@/lib/http/sse-slots';

const open = (slots: ReturnType<typeof createSseSlots>, key: string, n: number): SseSlot[] => Array.from({ length: n }, () => slots.acquire(key));

test('a hard cap per address, then 503 when the server is full', () => {
  const slots = createSseSlots({ perClient: 3, total: 20 });
  expect(open(slots, 'a', 3).every((s) => s.ok)).toBe(true);
  expect(slots.acquire('a')).toMatchObject({ ok: false, status: 429, error: 'too_many_streams_for_client' });
  // Seventeen more addresses with one stream each (none holds 10 %) fill the server.
  for (let i = 0; i < 17; i++) expect(slots.acquire(`viewer-${i}`).ok).toBe(true);
  expect(slots.acquire('late')).toMatchObject({ ok: false, status: 503, error: 'server_busy' });
  expect(slots.stats()).toMatchObject({ open: 20, clients: 18, refused: 2 });
});

test('fair share: above 80 % of the total, an address holding 10 % of it gets no new stream; others still do', () => {
  const slots = createSseSlots({ perClient: 1_000, total: 100 });
  // Not crowded: one address may take far more than its share.
  const big = open(slots, 'office', 70);
  expect(big.every((s) => s.ok)).toBe(true);
  expect(open(slots, 'other', 10).every((s) => s.ok)).toBe(true); // 80 open: crowded from here
  expect(slots.acquire('office')).toMatchObject({ ok: false, status: 429, error: 'fair_share_exceeded' });
  // An address below 10 % still gets one.
  expect(slots.acquire('newcomer').ok).toBe(true);
  // Back under 80 %: the office may open streams again.
  for (const slot of big.slice(0, 5)) if (slot.ok) slot.release();
  expect(slots.acquire('office').ok).toBe(true);
});

test('a slot released twice frees one place only', () => {
  const slots = createSseSlots({ perClient: 2, total: 10 });
  const [first] = open(slots, 'a', 2);
  if (!first?.ok) throw new Error('no slot');
  first.release();
  first.release();
  expect(slots.stats().open).toBe(1);
  expect(slots.acquire('a').ok).toBe(true);
  expect(slots.acquire('a').ok).toBe(false);
});
