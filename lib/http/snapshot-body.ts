import type { Snapshot } from '@/lib/pipeline/types';

// A thousand viewers polling one dashboard read the same snapshot object until it changes; its
// JSON text is made once per object, not once per request (the cache replaces the object on
// every change, so a stale entry can never be served and the WeakMap lets old ones go).

const bodies = new WeakMap<Snapshot, string>();

export function snapshotBody(snapshot: Snapshot): string {
  let body = bodies.get(snapshot);
  if (body === undefined) {
    body = JSON.stringify(snapshot);
    bodies.set(snapshot, body);
  }
  return body;
}
