import type { AllowedField, DashboardConfig } from '@/lib/config/dashboard-schema';
import { toDisplayMicros, type Conversion } from '@/lib/pipeline/money/totals';
import type { DealKeyer } from '@/lib/pipeline/deal-key';
import { isPriced } from '@/lib/pipeline/group-totals';
import { compareText, type StageCatalog } from '@/lib/pipeline/stage-catalog';
import type { Deal, TopDeal } from '@/lib/pipeline/types';

type Ranked = { deal: Deal; tier: number; micros: bigint };

// Tiers: amounts in (or converted to) the display currency, then other currencies by raw micros
// (they cannot be compared fairly, but must not vanish), then deals without an amount.
function rank(deal: Deal, conversion: Conversion): Ranked {
  if (!isPriced(deal.amountMicros)) return { deal, tier: 2, micros: 0n };
  const inDisplay = toDisplayMicros(conversion, deal.currencyCode, deal.amountMicros);
  return inDisplay === null ? { deal, tier: 1, micros: deal.amountMicros } : { deal, tier: 0, micros: inDisplay };
}

function compareRanked(a: Ranked, b: Ranked): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.micros !== b.micros) return a.micros > b.micros ? -1 : 1;
  return compareText(a.deal.id, b.deal.id);
}

/**
 * The public projection of a deal: an opaque key (never Twenty's record id) plus exactly the
 * fields the dashboard allows. A field that is not allowed is absent from the object (not null),
 * so it cannot leak through JSON.
 */
export function redactDeal(deal: Deal, fields: ReadonlySet<AllowedField>, labelOf: (stage: string) => string, key: string): TopDeal {
  const out: TopDeal = { id: key };
  if (fields.has('name')) out.name = deal.name;
  if (fields.has('amount')) {
    out.amountMicros = deal.amountMicros === null ? null : deal.amountMicros.toString();
    out.currencyCode = deal.currencyCode;
  }
  if (fields.has('stage')) {
    out.stage = deal.stage;
    out.stageLabel = labelOf(deal.stage);
  }
  if (fields.has('closeDate')) out.closeDate = deal.closeDate;
  if (fields.has('company')) out.companyName = deal.companyName;
  return out;
}

/** The largest open deals, biggest first in display-currency terms, redacted to allowed fields. */
export function selectTopDeals(
  deals: Deal[],
  catalog: StageCatalog,
  conversion: Conversion,
  dashboard: Pick<DashboardConfig, 'slug' | 'fields' | 'topDeals'>,
  keyOf: DealKeyer,
): TopDeal[] {
  const fields = new Set(dashboard.fields);
  return deals
    .filter((d) => catalog.includes(d.stage) && catalog.kindOf(d.stage) === 'open')
    .map((d) => rank(d, conversion))
    .sort(compareRanked)
    .slice(0, dashboard.topDeals)
    .map((r) => redactDeal(r.deal, fields, catalog.labelOf, keyOf(dashboard.slug, r.deal.id)));
}
