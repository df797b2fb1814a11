// Every GraphQL operation the demo workspace answered, so tests can count upstream calls.

export type RequestLogEntry = {
  at: string;
  endpoint: '/graphql' | '/metadata';
  operationType: 'query' | 'mutation' | 'subscription';
  /** Root field names (not aliases), in document order. */
  rootFields: string[];
  authorized: boolean;
  rateLimited: boolean;
  /** "activity" for the sandbox's own simulated user, "client" for everything over HTTP. */
  source: 'client' | 'activity';
  /** Which configured key made the call (0 = --api-key's first value); absent when unauthorized. */
  keyIndex?: number;
};

/** Operations per key since the workspace started: never trimmed, never reset (read-only audits). */
export type RequestTotals = Record<string, { query: number; mutation: number; subscription: number }>;

export class RequestLog {
  private items: RequestLogEntry[] = [];
  private readonly counts: RequestTotals = {};

  constructor(private readonly capacity = 10_000) {}

  record(entry: Omit<RequestLogEntry, 'at'>): void {
    this.items.push({ at: new Date().toISOString(), ...entry });
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    const key = entry.keyIndex === undefined ? (entry.source === 'activity' ? 'activity' : 'unauthorized') : `key${entry.keyIndex}`;
    const counts = (this.counts[key] ??= { query: 0, mutation: 0, subscription: 0 });
    counts[entry.operationType] += 1;
  }

  totals(): RequestTotals {
    return structuredClone(this.counts);
  }

  entries(): readonly RequestLogEntry[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
  }
}
