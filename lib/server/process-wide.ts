// State that must exist once per process: the context, the logger, the edge's limiter buckets,
// the open event streams. A module-level variable is not enough: Next loads instrumentation.ts,
// proxy.ts and each route handler as separate module graphs, each with its own copy of a module,
// and the server entry (server.ts) loads its own copy again. So such state lives on globalThis,
// under a registered symbol every copy resolves to, built by the first copy that asks.
// A leaf: it imports nothing, so anything may use it.

const slots = globalThis as { [key: symbol]: unknown };

/**
 * The process's one value called `name`, built on first use. If `build` throws, nothing is kept
 * and the next call tries again. Each name must always be used with the same type.
 */
export function processWide<T>(name: string, build: () => T): T {
  const key = Symbol.for(`pipeline-wall.${name}`);
  if (!(key in slots)) slots[key] = build();
  return slots[key] as T;
}
