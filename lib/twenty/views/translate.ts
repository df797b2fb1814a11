import { assertOneOperator, type FilterPart } from '@/lib/twenty/filter-rules';
import type { OpportunityFilterInput } from '@/lib/twenty/filters';
import { anyFieldPart } from '@/lib/twenty/views/any-field';
import { operandPart, type FieldInfo } from '@/lib/twenty/views/operands';
import { refuse, TranslationRefused, type Refusal } from '@/lib/twenty/views/refusal';
import type { FilterDef, FilterGroupDef, FilterSet } from '@/lib/twenty/views/view-filter-schema';

// A saved view's filters (or a dashboard widget's) as ONE OpportunityFilterInput with exactly the
// rows Twenty's `viewId` selects (real-2.21/views-dashboards/q2-*: every view equalled its explicit
// filter), built as Twenty's server builds it: filters outside any group AND-ed with the first
// top-level group; groups AND or OR, nested by their parent; the search text AND-ed last. What it
// cannot reproduce exactly is refused, by name (refusal.ts). Pure: the caller passes the
// opportunity's fields (id → name, type, options), the clock and the zone Twenty's server resolves
// zoneless dates in (UTC for a server running in UTC).

export type TranslationContext = {
  /** The opportunity's fields by metadata id (all of them: the search text reaches every field). */
  fields: ReadonlyMap<string, FieldInfo>;
  now: Date;
  zone: string;
};

export type Translation = { ok: true; /** null: the view filters nothing */ filter: OpportunityFilterInput | null } | { ok: false; refusal: Refusal };

/** twenty-shared's combineFilters: nothing → null, one part as is, several AND-ed. */
function combine(parts: readonly (FilterPart | null)[]): FilterPart | null {
  const kept = parts.filter((p): p is FilterPart => p !== null);
  if (kept.length === 0) return null;
  return kept.length === 1 ? (kept[0] ?? null) : { and: kept };
}

function fieldOf(f: FilterDef, ctx: TranslationContext): FieldInfo {
  return ctx.fields.get(f.fieldMetadataId) ?? refuse('unknown_field', f.id, `field ${f.fieldMetadataId} of filter ${f.id} is not an opportunity field`);
}

function groupPart(group: FilterGroupDef, set: FilterSet, ctx: TranslationContext, seen: ReadonlySet<string>): FilterPart | null {
  if (group.logicalOperator !== 'AND' && group.logicalOperator !== 'OR') {
    return refuse('group', group.id, `${group.logicalOperator} group ${group.id}: not captured, and Twenty's versions read it differently`);
  }
  const inner = [
    ...set.filters.filter((f) => f.groupId === group.id).map((f) => operandPart(f, fieldOf(f, ctx), ctx)),
    ...set.groups.filter((g) => g.parentId === group.id && !seen.has(g.id)).map((g) => groupPart(g, set, ctx, new Set([...seen, g.id]))),
  ].filter((p): p is FilterPart => p !== null);
  if (inner.length === 0) {
    // An empty AND keeps every row; what Twenty does with an empty OR is not known.
    return group.logicalOperator === 'AND' ? null : refuse('group', group.id, `OR group ${group.id} has no filter left to apply`);
  }
  return { [group.logicalOperator.toLowerCase()]: inner };
}

function build(set: FilterSet, ctx: TranslationContext): FilterPart | null {
  const roots = set.groups.filter((g) => g.parentId === null);
  // Twenty applies the first top-level group it reads and ignores the others; which one is first is
  // the database's order, so several are refused rather than guessed.
  if (roots.length > 1) return refuse('group', roots.map((g) => g.id).join(', '), `${roots.length} top-level filter groups: Twenty applies only one of them`);
  const regular = set.filters.filter((f) => f.groupId === null).map((f) => operandPart(f, fieldOf(f, ctx), ctx));
  const root = roots[0];
  const fromView = combine([...regular, root ? groupPart(root, set, ctx, new Set([root.id])) : null]);
  return combine([fromView, anyFieldPart(set.anyFieldFilterValue, [...ctx.fields.values()])]);
}

export function translateFilterSet(set: FilterSet, ctx: TranslationContext): Translation {
  try {
    const filter = build(set, ctx);
    // Every part is one operator per field object by construction; checked before it can be sent.
    if (filter) assertOneOperator(filter);
    return { ok: true, filter };
  } catch (err) {
    if (err instanceof TranslationRefused) return { ok: false, refusal: err.refusal };
    throw err;
  }
}
