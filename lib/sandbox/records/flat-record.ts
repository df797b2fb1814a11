// Twenty's flat webhook record: every column, no relations, keys in Twenty's order.
import type { FlatRecord } from '@/lib/sandbox/events';
import type { OpportunityRow } from '@/lib/sandbox/records/types';

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

export function flatOpportunity(row: OpportunityRow, created = false): FlatRecord {
  const head = {
    name: row.name,
    amount: { amountMicros: row.amountMicros, currencyCode: row.currencyCode },
    closeDate: iso(row.closeDate),
    stage: row.stage,
    position: row.position,
    createdBy: { ...row.createdBy, context: {} },
    searchVector: searchVectorOf(row.name),
    id: row.id,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
  };
  // The captured create event lists pointOfContactId before companyId; every other event the reverse.
  return created
    ? { ...head, pointOfContactId: row.pointOfContactId, companyId: row.companyId }
    : { ...head, companyId: row.companyId, pointOfContactId: row.pointOfContactId };
}
