import type { AllowedField } from '@/lib/config/dashboard-schema';
import type { Deal } from '@/lib/pipeline/types';
import { timeOf, type RecordState } from '@/lib/live/record-state';
import { normaliseCurrency } from '@/lib/twenty/group-deals';
import { asListed, compareTopDeals } from '@/lib/twenty/top-deals';

// Keeps the top-deals page a fetch read (lib/twenty/top-deals.ts: one page of N open deals, its
// order, the fields it carries) as one deal changes. Deals below the page are unknown to us, so
// any change that could pull one of them up (a listed deal dropping out or falling below the
// last one) is not exact.

export type Placement = { state: RecordState | null; qualifies: boolean };

/** The deal as the top-deals query would have returned it; companyName decided by the caller. */
export function toListedDeal(state: RecordState, fields: ReadonlySet<AllowedField>, companyName: string | null): Deal {
  const { id, name, stage, amountMicros, closeDate, updatedAt } = state;
  return asListed({ id, name, stage, amountMicros, currencyCode: normaliseCurrency(state.currencyCode), closeDate, companyName, updatedAt }, fields);
}

/** A webhook has a company id, not its name: keep the listed name only if the id did not change. */
function companyNameFor(listed: Deal | undefined, prior: RecordState | null, next: RecordState, fields: ReadonlySet<AllowedField>): string | null | undefined {
  if (!fields.has('company') || next.companyId === null) return null;
  if (listed && prior && prior.companyId === next.companyId) return listed.companyName;
  return undefined;
}

/** The list after one deal went from `prior` to `next`; null when that cannot be known exactly. */
export function moveInTopDeals(
  deals: readonly Deal[],
  limit: number,
  fields: ReadonlySet<AllowedField>,
  prior: Placement,
  next: Placement & { state: RecordState },
): Deal[] | null {
  const index = deals.findIndex((d) => d.id === next.state.id);
  const listed = index >= 0 ? deals[index] : undefined;
  if (limit === 0 || (!listed && !next.qualifies)) return [...deals];
  const companyName = companyNameFor(listed, prior.state, next.state, fields);
  if (next.qualifies && companyName === undefined) return null;
  const candidate = toListedDeal(next.state, fields, companyName ?? null);

  // Same amount, still a candidate: its rank among the others cannot have changed.
  if (prior.state && prior.qualifies && next.qualifies && prior.state.amountMicros === next.state.amountMicros) {
    return listed ? deals.map((d, i) => (i === index ? candidate : d)) : [...deals];
  }
  const others = deals.filter((d) => d.id !== next.state.id);
  const last = deals[deals.length - 1];
  const full = deals.length >= limit;
  if (!fields.has('amount')) {
    // Without amounts the listed deals' ranks are unknown, so only a list that holds every
    // candidate can change. Its order then differs from Twenty's, which nothing reads: with
    // amounts hidden, lib/pipeline orders top deals by id.
    if (full) return null;
    return next.qualifies ? [...others, candidate] : others;
  }
  if (!next.qualifies) return full ? null : others;
  if (!full || !last || compareTopDeals(candidate, last) <= 0) {
    return [...others, candidate].sort(compareTopDeals).slice(0, limit);
  }
  // It fell below the last listed deal: an unlisted deal may now take its place.
  return listed ? null : [...deals];
}

/**
 * An update that touched only display fields (name, company…) of a deal whose earlier state is
 * unknown: totals cannot move, only a listed deal's fields. null when the listed deal disagrees
 * with the webhook on a ranked field (drift: refresh) or its company name would be needed.
 */
export function refreshListedFields(
  deals: readonly Deal[],
  next: RecordState,
  fields: ReadonlySet<AllowedField>,
  updatedFields: readonly string[],
): Deal[] | null {
  const index = deals.findIndex((d) => d.id === next.id);
  const listed = deals[index];
  if (!listed) return [...deals];
  if (timeOf(listed.updatedAt) > timeOf(next.updatedAt)) return [...deals];
  if (fields.has('company') && updatedFields.includes('companyId')) return null;
  const candidate = toListedDeal(next, fields, listed.companyName);
  const agrees =
    candidate.stage === listed.stage &&
    candidate.amountMicros === listed.amountMicros &&
    candidate.currencyCode === listed.currencyCode &&
    candidate.closeDate === listed.closeDate;
  return agrees ? deals.map((d, i) => (i === index ? candidate : d)) : null;
}
