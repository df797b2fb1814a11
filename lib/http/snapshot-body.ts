import type { Snapshot } from '@/lib/pipeline/types';
import { snapshotEtag } from '@/lib/http/etag';

// A thousand viewers polling one dashboard read the same snapshot object until it changes, and
// every one of them gets the same bytes (the body varies on nothing of the request; only headers
// do). So the JSON is encoded once per object, and its ETag made once, not once per request. The
// cache replaces the object on every change, freshness included, so a stale entry can never be
// served, and the WeakMap lets old ones go. The body is encoded on first need: a client that
// revalidates with the current ETag gets its 304 without it.

export type EncodedSnapshot = { readonly etag: string; body(): Uint8Array<ArrayBuffer> };

const encoded = new WeakMap<Snapshot, EncodedSnapshot>();
const encoder = new TextEncoder();

export function encodedSnapshot(snapshot: Snapshot): EncodedSnapshot {
  let entry = encoded.get(snapshot);
  if (entry === undefined) {
    let bytes: Uint8Array<ArrayBuffer> | undefined;
    entry = { etag: snapshotEtag(snapshot), body: () => (bytes ??= encoder.encode(JSON.stringify(snapshot))) };
    encoded.set(snapshot, entry);
  }
  return entry;
}
