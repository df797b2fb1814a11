import { expect, test } from 'vitest';
import { encodedSnapshot } from '@/lib/http/snapshot-body';
import type { Snapshot } from '@/lib/pipeline/types';

// The JSON route's bytes and ETag are made once per snapshot object (the cache replaces the
// object on every change), and a revalidation that ends in 304 never pays for the encoding.

function snapshot(fields: { version: string; stale?: boolean; staleReason?: string | null }, onEncode?: () => void): Snapshot {
  const value = { title: 'Pipeline', version: fields.version, stale: fields.stale ?? false, staleReason: fields.staleReason ?? null, stages: [{ value: 'NEW', count: 3 }] };
  if (onEncode) Object.defineProperty(value, 'toJSON', { value: () => (onEncode(), { ...value }), enumerable: false });
  return value as unknown as Snapshot;
}

test('one snapshot object is encoded once: the same bytes for every reader, the JSON of the object', () => {
  let encodings = 0;
  const current = snapshot({ version: 'v7' }, () => (encodings += 1));
  const first = encodedSnapshot(current);
  expect(first.etag).toBe('"v7-fresh"');
  expect(encodings).toBe(0); // an ETag check alone (the 304 path) encodes nothing
  const bytes = first.body();
  expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ version: 'v7', stages: [{ value: 'NEW', count: 3 }] });
  expect(encodedSnapshot(current).body()).toBe(bytes);
  expect(encodings).toBe(1);
});

test('a new object (a change, or the same numbers turned stale) gets its own ETag and bytes', () => {
  const fresh = encodedSnapshot(snapshot({ version: 'v7' }));
  const stale = encodedSnapshot(snapshot({ version: 'v7', stale: true, staleReason: 'unreachable' }));
  expect(stale.etag).toBe('"v7-stale-unreachable"');
  expect(stale.etag).not.toBe(fresh.etag);
  expect(JSON.parse(new TextDecoder().decode(stale.body()))).toMatchObject({ stale: true });
  expect(JSON.parse(new TextDecoder().decode(fresh.body()))).toMatchObject({ stale: false });
});
