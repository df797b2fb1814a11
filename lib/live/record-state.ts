import type { WebhookEvent, WebhookRecord } from '@/lib/live/webhook/payload';
import { SCOPE_FIELDS } from '@/lib/twenty/deal-scope';
import { GROUP_FIELDS } from '@/lib/twenty/group-deals';
import { ORDER_FIELDS } from '@/lib/twenty/top-deals';

// What we remember about one opportunity from its webhooks. Deliveries come one per record,
// asynchronously and possibly out of order, so `updatedAt` (Twenty's clock) orders them.

export type RecordState = WebhookRecord & {
  /** From the raw delivery (the verifier's event omits it); null when absent. */
  createdAt: string | null;
  /** Hard-deleted (`destroyed`): final, nothing after it counts. */
  destroyed: boolean;
};

/** The fields that place a deal in a scope, a bucket or the top-deals order; a change elsewhere moves no total. */
export const AGGREGATE_FIELDS: ReadonlySet<string> = new Set<string>([...SCOPE_FIELDS, ...GROUP_FIELDS, ...ORDER_FIELDS]);

export function stateOf(record: WebhookRecord, action: WebhookEvent['action'], createdAt: string | null): RecordState {
  return { ...record, createdAt, destroyed: action === 'destroyed' };
}

/** Milliseconds of an ISO time; NaN when unreadable. */
export function timeOf(iso: string): number {
  return Date.parse(iso);
}

/** A deal that exists and is not in the trash. */
export function isLive(state: RecordState | undefined): state is RecordState {
  return state !== undefined && !state.destroyed && state.deletedAt === null;
}

export function sameState(a: RecordState, b: RecordState): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.stage === b.stage &&
    a.amountMicros === b.amountMicros &&
    a.currencyCode === b.currencyCode &&
    a.closeDate === b.closeDate &&
    a.deletedAt === b.deletedAt &&
    a.updatedAt === b.updatedAt &&
    a.companyId === b.companyId &&
    a.destroyed === b.destroyed
  );
}

/** True when an update's named fields cannot move the deal between buckets, filters or ranks. */
export function touchesOnlyDisplayFields(updatedFields: readonly string[] | null): boolean {
  if (updatedFields === null || updatedFields.length === 0) return false;
  return updatedFields.every((field) => !AGGREGATE_FIELDS.has(field));
}
