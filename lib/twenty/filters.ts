import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import { isOpenStage } from '@/lib/pipeline/stage-kind';
import type { Range } from '@/lib/pipeline/zoned';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { dealScopeOf, type DealScope } from '@/lib/twenty/deal-scope';
import { TwentyError } from '@/lib/twenty/errors';
import { assertOneOperator, condition, rangeParts, type FilterPart } from '@/lib/twenty/filter-rules';
import type { Log } from '@/lib/twenty/transport';

// A dashboard's locked filter (its scope, deal-scope.ts) as Twenty's OpportunityFilterInput. Always sent as a GraphQL
// variable, never spliced into a document: the server's own variable coercion then turns stage
// strings into its enum (v0.55) or keeps them as strings (SelectFilter), and rejects anything else.
// Every part obeys the one-operator rule of filter-rules.ts, and toFilterInput checks it.

export type { FilterPart };
export type OpportunityFilterInput = Record<string, unknown>;

export function toFilterInput(parts: readonly FilterPart[]): OpportunityFilterInput {
  const filter = parts.length === 0 ? {} : { and: [...parts] };
  assertOneOperator(filter);
  return filter;
}

export function stageIn(stages: readonly string[]): FilterPart {
  return condition(['stage'], 'in', [...stages]);
}

/** A close-date range, open on either side, as `and` parts (one operator each). */
export function closeDateIn(bounds: { from?: Date; to?: Date }): FilterPart[] {
  return rangeParts(['closeDate'], { gte: bounds.from?.toISOString(), lt: bounds.to?.toISOString() });
}

/** A closed window as ONE part (`and` of its two bounds), so it can sit inside an `or` too. */
export function closeDateWithin(span: Range): FilterPart {
  return { and: closeDateIn(span) };
}

/** Deals without an amount: `amountMicros` null, whatever the currency code says. */
export function amountMissing(): FilterPart {
  return condition(['amount', 'amountMicros'], 'is', 'NULL');
}

/**
 * BigFloat takes a JSON number; a number is exact up to 2^53 micros (9 billion units), which
 * covers every real threshold. Beyond that a decimal string keeps the value exact (BigFloat
 * parses strings; a plain Float scalar would refuse it, which beats silently rounding).
 */
export function microsLiteral(micros: string): number | string {
  const n = Number(micros);
  return Number.isSafeInteger(n) ? n : micros;
}

/**
 * The stage values this server knows: its enum when the filter is an enum (that is what
 * coercion checks), else the metadata options. null when neither can vouch for a value.
 */
export function knownStageValues(caps: Capabilities, options: { values: string[]; fromMetadata: boolean }): string[] | null {
  if (caps.stageFilter.kind === 'enum') return caps.stageFilter.values;
  return options.fromMetadata ? options.values : null;
}

/** Keeps the values the server knows; an unknown one is logged and dropped (never widens). */
export function checkStages(requested: readonly string[], known: readonly string[] | null, what: string, log: Log): string[] {
  if (known === null) return [...requested];
  const ok = requested.filter((s) => known.includes(s));
  const unknown = requested.filter((s) => !known.includes(s));
  if (unknown.length > 0) log({ level: 'warn', event: 'twenty.unknown_stages', what, unknown, known });
  return ok;
}

export type FilterContext = { caps: Capabilities; knownStages: string[] | null; now: Date; log: Log };

/** The dashboard's own filter, as `and` parts: its scope (deal-scope.ts) at `ctx.now`. */
export function dashboardFilterParts(dashboard: DashboardConfig, ctx: FilterContext): FilterPart[] {
  return scopeFilterParts(dealScopeOf(dashboard, ctx.now), dashboard.slug, ctx);
}

/**
 * A scope as `and` parts, one per rule in deal-scope.ts's order. What the server cannot run is
 * refused here (ownerIds without owners, no known stage left); a filter stage it does not know
 * is dropped, never widened to "every stage".
 */
export function scopeFilterParts(scope: DealScope, slug: string, ctx: FilterContext): FilterPart[] {
  const parts: FilterPart[] = [];
  if (scope.stages) {
    const stages = checkStages(scope.stages, ctx.knownStages, `dashboard ${slug} filter.stages`, ctx.log);
    if (stages.length === 0) {
      throw new TwentyError('rejected', `dashboard ${slug}: none of filter.stages exists in this workspace`);
    }
    parts.push(stageIn(stages));
  }
  if (scope.closeDate) parts.push(...closeDateIn(scope.closeDate));
  if (scope.ownerIds) {
    if (!ctx.caps.ownerFilter) {
      throw new TwentyError('rejected', `dashboard ${slug}: filter.ownerIds needs Twenty 1.16 or later (this server's opportunities have no owner)`);
    }
    parts.push(condition(['ownerId'], 'in', [...scope.ownerIds]));
  }
  if (scope.minAmountMicros !== null) {
    parts.push(condition(['amount', 'amountMicros'], 'gte', microsLiteral(scope.minAmountMicros)));
  }
  return parts;
}

/** Open stages (lib/pipeline/stage-kind.ts): of the stages a dashboard totals, those neither won nor lost. */
export function openStagesOf(dashboard: DashboardConfig, stages: readonly string[]): string[] {
  return stages.filter((s) => isOpenStage(dashboard, s));
}
