import { expect, test } from 'vitest';
import { parseSnapshot, parseSnapshotJson } from '@/lib/pipeline/snapshot-schema';
import { sampleSnapshot, staleSampleSnapshot } from '@/sandbox/sample-snapshot';

test('the sample snapshots survive a JSON round trip unchanged', () => {
  expect(parseSnapshotJson(JSON.stringify(sampleSnapshot))).toEqual(sampleSnapshot);
  expect(parseSnapshotJson(JSON.stringify(staleSampleSnapshot))).toEqual(staleSampleSnapshot);
});

test('amounts must be integer strings: a float would have lost digits already', () => {
  const floaty = { ...sampleSnapshot, kpis: { ...sampleSnapshot.kpis, openValue: { ...sampleSnapshot.kpis.openValue, amountMicros: 7537150000000 } } };
  expect(parseSnapshot(floaty)).toBeNull();
  const decimal = { ...sampleSnapshot, kpis: { ...sampleSnapshot.kpis, openValue: { ...sampleSnapshot.kpis.openValue, amountMicros: '1.5' } } };
  expect(parseSnapshot(decimal)).toBeNull();
});

test('garbage and unknown stale reasons are rejected', () => {
  expect(parseSnapshotJson('not json')).toBeNull();
  expect(parseSnapshotJson('{"at":"2026-01-01"}')).toBeNull();
  expect(parseSnapshot({ ...sampleSnapshot, staleReason: 'because' })).toBeNull();
});

test('the ticker reaches the browser; an unknown kind drops that line only, and at most 20 lines are kept', () => {
  const good = { id: 'a1', at: '2026-11-26T18:50:00.000Z', kind: 'won', dealName: 'Globex', amountMicros: '120000000000', currencyCode: 'USD' };
  const parsed = parseSnapshotJson(JSON.stringify({ ...sampleSnapshot, ticker: [good, { ...good, id: 'a2', kind: 'teleported' }, { ...good, id: 'a3', amountMicros: 1.5 }] }));
  expect(parsed?.ticker).toEqual([good]);
  expect(parsed?.stages).toEqual(sampleSnapshot.stages);
  const many = Array.from({ length: 30 }, (_, i) => ({ ...good, id: `m${i}` }));
  expect(parseSnapshot({ ...sampleSnapshot, ticker: many })?.ticker).toHaveLength(20);
  expect(parseSnapshot({ ...sampleSnapshot, ticker: 'nope' })).toBeNull();
  expect(parseSnapshot(sampleSnapshot)?.ticker).toBeUndefined();
});
