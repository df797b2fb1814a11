import { expect, test } from 'vitest';
import { parseSnapshot, parseSnapshotJson } from '@/lib/client/snapshot-schema';
import { sampleSnapshot, staleSampleSnapshot } from '@/tests/fixtures/sample-snapshot';

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
