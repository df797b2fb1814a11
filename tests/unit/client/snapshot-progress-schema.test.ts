import { expect, test } from 'vitest';
import { decodeStored, encodeBody } from '@/lib/cache/redis/stored-snapshot';
import type { LoadedContent } from '@/lib/cache';
import { parseSnapshot, parseSnapshotJson } from '@/lib/pipeline/snapshot-schema';
import type { Snapshot } from '@/lib/pipeline/types';
import { sampleSnapshot } from '@/sandbox/sample-snapshot';

// Goal, win rate and funnel on the wire: validated where they arrive, optional so that a
// snapshot from before them (in Redis, or on an open stream across a deploy) still parses.

const withProgress: Snapshot = {
  ...sampleSnapshot,
  kpis: {
    ...sampleSnapshot.kpis,
    goal: { amountMicros: '1500000000000', progressPercent: 81.2, coveragePercent: null },
    winRate: { won: 12, lost: 4, percent: 75 },
  },
  funnel: [
    { value: 'NEW', reached: 167, conversionPercent: null },
    { value: 'CUSTOMER', reached: 57, conversionPercent: 34.1 },
  ],
};

test('goal, win rate and funnel survive a JSON round trip', () => {
  expect(parseSnapshotJson(JSON.stringify(withProgress))).toEqual(withProgress);
  const noGoal = { ...withProgress, kpis: { ...withProgress.kpis, goal: null, winRate: { won: 0, lost: 0, percent: null } } };
  expect(parseSnapshotJson(JSON.stringify(noGoal))).toEqual(noGoal);
});

test('a snapshot from before them still parses, without them', () => {
  const parsed = parseSnapshotJson(JSON.stringify(sampleSnapshot));
  expect(parsed).not.toBeNull();
  expect(parsed?.funnel).toBeUndefined();
  expect(parsed?.kpis.goal).toBeUndefined();
  expect(parsed?.kpis.winRate).toBeUndefined();
});

test('malformed progress is refused: float micros, negative counts, a rate over 100', () => {
  const bad = [
    { ...withProgress, kpis: { ...withProgress.kpis, goal: { amountMicros: 1.5e12, progressPercent: 1, coveragePercent: null } } },
    { ...withProgress, kpis: { ...withProgress.kpis, goal: { amountMicros: '1', progressPercent: '81.2', coveragePercent: null } } },
    { ...withProgress, kpis: { ...withProgress.kpis, winRate: { won: -1, lost: 0, percent: null } } },
    { ...withProgress, kpis: { ...withProgress.kpis, winRate: { won: 1, lost: 0, percent: 101 } } },
    { ...withProgress, funnel: [{ value: 'NEW', reached: 1.5, conversionPercent: null }] },
    { ...withProgress, funnel: [{ value: 'NEW', reached: 1, conversionPercent: -3 }] },
  ];
  for (const snapshot of bad) expect(parseSnapshot(snapshot)).toBeNull();
});

test('the Redis entry keeps them, and an entry written before them still decodes', () => {
  const fields = (content: LoadedContent) => ({ gen: '0', stored: '1', loaded: '1', body: encodeBody({ content, version: 'v1', origin: 'A' }), data: null, cur: null });
  const strip = ({ version: _v, stale: _s, staleReason: _r, staleSince: _ss, ...content }: Snapshot): LoadedContent => content;
  const current = strip(withProgress);
  expect(decodeStored('sales', fields(current))?.content).toEqual(current);
  const { funnel: _funnel, ...older } = strip(sampleSnapshot);
  const { goal: _goal, winRate: _winRate, ...olderKpis } = older.kpis;
  const decoded = decodeStored('sales', fields({ ...older, kpis: olderKpis }));
  expect(decoded?.content.kpis).toEqual(olderKpis);
  expect(decoded?.content.funnel).toBeUndefined();
});
