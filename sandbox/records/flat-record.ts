// Twenty's flat webhook record: every column, no relations, keys in the captured order of each
// version (real/webhooks for v0.55, real-2.21/webhooks for 2.21).
import type { FlatRecord } from '@/sandbox/events';
import type { Actor, OpportunityRow } from '@/sandbox/records/types';

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Postgres' 'simple' tsvector of the name, e.g. "'deal':3 'fixture':2 'webhook':1". */
export function searchVectorOf(text: string): string {
  const positions = new Map<string, number[]>();
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .forEach((word, i) => positions.set(word, [...(positions.get(word) ?? []), i + 1]));
  return [...positions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, at]) => `'${word.replace(/'/g, "''")}':${at.join(',')}`)
    .join(' ');
}

const actorRecord = (actor: Actor) => ({ ...actor, context: {} });

/** v0.55: business columns first, system columns after; the create event swaps the two join columns. */
function flatOpportunityV055(row: OpportunityRow, created: boolean): FlatRecord {
  const head = {
    name: row.name,
    amount: { amountMicros: row.amountMicros, currencyCode: row.currencyCode },
    closeDate: iso(row.closeDate),
    stage: row.stage,
    position: row.position,
    createdBy: actorRecord(row.createdBy),
    searchVector: searchVectorOf(row.name),
    id: row.id,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
  };
  return created
    ? { ...head, pointOfContactId: row.pointOfContactId, companyId: row.companyId }
    : { ...head, companyId: row.companyId, pointOfContactId: row.pointOfContactId };
}

/** 2.21: id and timestamps first, then the columns, with updatedBy and ownerId; one order for every event. */
function flatOpportunityV2(row: OpportunityRow): FlatRecord {
  return {
    id: row.id,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
    name: row.name,
    amount: { amountMicros: row.amountMicros, currencyCode: row.currencyCode },
    closeDate: iso(row.closeDate),
    stage: row.stage,
    position: row.position,
    createdBy: actorRecord(row.createdBy),
    updatedBy: actorRecord(row.updatedBy),
    searchVector: searchVectorOf(row.name),
    companyId: row.companyId,
    pointOfContactId: row.pointOfContactId,
    ownerId: row.ownerId,
  };
}

export function flatOpportunity(row: OpportunityRow, opts: { legacy: boolean; created?: boolean }): FlatRecord {
  return opts.legacy ? flatOpportunityV055(row, opts.created ?? false) : flatOpportunityV2(row);
}
