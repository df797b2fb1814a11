import { z } from 'zod';
import type { WidgetDisplay, WidgetPoint } from '@/lib/pipeline/board-types';
import type { WidgetConfiguration } from '@/lib/twenty/board/layout-schema';
import type { TwentyObject } from '@/lib/twenty/objects';
import type { FilterPart } from '@/lib/twenty/filter-rules';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { filterSetFromWidget } from '@/lib/twenty/views/view-filter-schema';

// The aggregate number (AGGREGATE_CHART). Twenty has no chart-data query for it: its front asks
// the object's connection for the one aggregate, `opportunities(filter) { sumAmountAmountMicros }`
// (real-2.21/charts/FINDINGS.md, "The aggregate number"), and turns the answer into the figure:
// amounts micros ÷ 1e6, percentages × 100, a ratio widget as two counts (its option's share, one
// decimal). The wall sends those same queries, with the widget's own filter translated exactly
// (lib/twenty/views/translate.ts), and computes the figure the same way.

export type NumberQuery = { document: string; variables: Record<string, unknown>; key: string };
type Figure = 'micros' | 'percentage' | 'raw';
export type NumberPlan =
  | { ok: true; kind: 'single'; query: NumberQuery; figure: Figure; amount: boolean }
  | { ok: true; kind: 'ratio'; numerator: NumberQuery; denominator: NumberQuery; amount: false }
  /** What Twenty's own widget shows as "-" without asking (MIN/MAX of a date: real-2.21/charts FINDINGS §7). */
  | { ok: true; kind: 'blank'; amount: false }
  | { ok: false; reason: string };

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const AMOUNT_OPERATIONS = new Set(['SUM', 'AVG', 'MIN', 'MAX']);
const COUNT_PREFIX: Readonly<Record<string, string>> = {
  COUNT_EMPTY: 'countEmpty',
  COUNT_NOT_EMPTY: 'countNotEmpty',
  COUNT_UNIQUE_VALUES: 'countUniqueValues',
  PERCENTAGE_EMPTY: 'percentageEmpty',
  PERCENTAGE_NOT_EMPTY: 'percentageNotEmpty',
  COUNT_TRUE: 'countTrue',
  COUNT_FALSE: 'countFalse',
};

/** Twenty's aggregate field for an operation on a field (front: getAvailableAggregationsFromObjectFields). */
export function aggregateKeyOf(operation: string, field: FieldInfo): { key: string; figure: Figure } | null {
  if (operation === 'COUNT') return { key: 'totalCount', figure: 'raw' };
  const prefix = COUNT_PREFIX[operation];
  if (prefix) return { key: `${prefix}${capital(field.name)}`, figure: operation.startsWith('PERCENTAGE') ? 'percentage' : 'raw' };
  if (!AMOUNT_OPERATIONS.has(operation)) return null;
  const op = operation.toLowerCase();
  if (field.type === 'CURRENCY') return { key: `${op}${capital(field.name)}AmountMicros`, figure: 'micros' };
  if (field.type === 'NUMBER' || field.type === 'NUMERIC') return { key: `${op}${capital(field.name)}`, figure: 'raw' };
  return null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function queryOf(object: TwentyObject, key: string, filter: FilterPart | null): NumberQuery {
  const root = object.namePlural;
  if (!filter) return { document: `query BoardNumber { ${root} { ${key} } }`, variables: {}, key };
  return { document: `query BoardNumber($filter: ${capital(object.nameSingular)}FilterInput) { ${root}(filter: $filter) { ${key} } }`, variables: { filter }, key };
}

/** The ratio's numerator: the base filter AND the option (front: buildRatioNumeratorFilter). */
function optionPart(field: FieldInfo, optionValue: string): FilterPart {
  if (field.type === 'BOOLEAN') return { [field.name]: { eq: optionValue === 'true' } };
  if (field.type === 'MULTI_SELECT') return { [field.name]: { containsAny: [optionValue] } };
  return { [field.name]: { eq: optionValue } };
}

export function planNumber(config: WidgetConfiguration, object: TwentyObject, now: Date): NumberPlan {
  const zone = text(config.timezone) || 'UTC';
  const translation = translateFilterSet(filterSetFromWidget(config.filter), { fields: object.fields, now, zone });
  if (!translation.ok) return { ok: false, reason: `its filter cannot be applied exactly (${translation.refusal.reason}: ${translation.refusal.message})` };
  const base = translation.filter;
  const ratio = z.object({ fieldMetadataId: z.string(), optionValue: z.string() }).nullish().safeParse(config.ratioAggregateConfig);
  if (!ratio.success) return { ok: false, reason: 'its ratio configuration is not one Twenty documents' };
  if (ratio.data) {
    const field = object.fields.get(ratio.data.fieldMetadataId);
    if (!field) return { ok: false, reason: `its ratio field ${ratio.data.fieldMetadataId} is not a field of ${object.nameSingular}` };
    const part = optionPart(field, ratio.data.optionValue);
    return { ok: true, kind: 'ratio', numerator: queryOf(object, 'totalCount', base ? { and: [base, part] } : part), denominator: queryOf(object, 'totalCount', base), amount: false };
  }
  const operation = text(config.aggregateOperation);
  const fieldId = text(config.aggregateFieldMetadataId);
  const field = object.fields.get(fieldId);
  if (!field) return { ok: false, reason: `its aggregate field ${fieldId} is not a field of ${object.nameSingular}` };
  if ((operation === 'MIN' || operation === 'MAX') && (field.type === 'DATE' || field.type === 'DATE_TIME')) return { ok: true, kind: 'blank', amount: false };
  const aggregate = aggregateKeyOf(operation, field);
  if (!aggregate) return { ok: false, reason: `${operation} of a ${field.type} field is not an aggregate Twenty answers` };
  return { ok: true, kind: 'single', query: queryOf(object, aggregate.key, base), figure: aggregate.figure, amount: aggregate.figure === 'micros' };
}

export const numberAnswerSchema = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.null()])));
export type NumberAnswer = z.infer<typeof numberAnswerSchema>;

/** The connection's aggregate, or null (no records to sum: Twenty shows "-"). */
export function rawOf(answer: NumberAnswer, query: NumberQuery): number | null {
  const raw = Object.values(answer)[0]?.[query.key];
  if (raw === undefined || raw === null) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** The figure Twenty shows for one aggregate: micros as units, a fraction as a percentage. */
export function singlePoints(raw: number | null, figure: Figure, label: string): WidgetPoint[] {
  if (raw === null) return [];
  return [{ label, value: figure === 'micros' ? raw / 1_000_000 : figure === 'percentage' ? raw * 100 : raw }];
}

/** A ratio widget's share in percent, one decimal; 0 when nothing is counted (front: computeRatioDisplayValue). */
export function ratioPoints(numerator: number | null, denominator: number | null, label: string): WidgetPoint[] {
  const all = denominator ?? 0;
  return [{ label, value: all === 0 ? 0 : Math.round(((numerator ?? 0) / all) * 1000) / 10 }];
}

/**
 * Prefix, suffix and number format as Twenty's front shows the figure: amounts SHORT unless FULL
 * (Twenty's default is short), counts in full, percentages and ratios with "%".
 */
export function numberDisplay(config: WidgetConfiguration, plan: Extract<NumberPlan, { ok: true }>): WidgetDisplay {
  const percent = plan.kind === 'ratio' || (plan.kind === 'single' && plan.figure === 'percentage');
  const format = plan.amount ? (config.numberFormat === 'FULL' ? 'full' : 'short') : config.numberFormat === 'SHORT' ? 'short' : 'full';
  const suffix = `${percent ? '%' : ''}${text(config.suffix)}`;
  const display: WidgetDisplay = {
    numberFormat: format,
    prefix: text(config.prefix) || undefined,
    suffix: suffix || undefined,
    showDataLabels: typeof config.displayDataLabel === 'boolean' ? config.displayDataLabel : undefined,
  };
  return Object.fromEntries(Object.entries(display).filter(([, v]) => v !== undefined)) as WidgetDisplay;
}
