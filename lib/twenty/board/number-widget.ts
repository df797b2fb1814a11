import { z } from 'zod';
import type { WidgetDisplay, WidgetPoint } from '@/lib/pipeline/board-types';
import type { WidgetConfiguration } from '@/lib/twenty/board/layout-schema';
import type { BoardObject } from '@/lib/twenty/board/objects';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { translateFilterSet } from '@/lib/twenty/views/translate';
import { filterSetFromWidget } from '@/lib/twenty/views/view-filter-schema';

// The aggregate number (AGGREGATE_CHART). Twenty has no chart-data query for it: its front asks
// the object's connection for the one aggregate, `opportunities(filter) { sumAmountAmountMicros }`
// (real-2.21/charts/aggregate-*, charts/FINDINGS.md). The wall sends that same query, so the figure
// is Twenty's by construction, with the widget's own filter translated exactly
// (lib/twenty/views/translate.ts). Amounts come back in micros and are shown in currency units.

export type NumberQuery = { document: string; variables: Record<string, unknown>; key: string; micros: boolean };
export type NumberPlan = { ok: true; query: NumberQuery; amount: boolean } | { ok: false; reason: string };

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

/** Twenty's aggregate field for an operation on a field (group-by and connections share the names). */
export function aggregateKeyOf(operation: string, field: FieldInfo): { key: string; micros: boolean } | null {
  if (operation === 'COUNT') return { key: 'totalCount', micros: false };
  const prefix = COUNT_PREFIX[operation];
  if (prefix) return { key: `${prefix}${capital(field.name)}`, micros: false };
  if (!AMOUNT_OPERATIONS.has(operation)) return null;
  const op = operation.toLowerCase();
  if (field.type === 'CURRENCY') return { key: `${op}${capital(field.name)}AmountMicros`, micros: true };
  if (field.type === 'NUMBER' || field.type === 'NUMERIC') return { key: `${op}${capital(field.name)}`, micros: false };
  return null;
}

export function planNumber(config: WidgetConfiguration, object: BoardObject, now: Date): NumberPlan {
  if (config.ratioAggregateConfig) return { ok: false, reason: 'a ratio number widget is not published yet' };
  const operation = typeof config.aggregateOperation === 'string' ? config.aggregateOperation : '';
  const fieldId = typeof config.aggregateFieldMetadataId === 'string' ? config.aggregateFieldMetadataId : '';
  const field = object.fields.get(fieldId);
  if (!field) return { ok: false, reason: `its aggregate field ${fieldId} is not a field of ${object.nameSingular}` };
  const aggregate = aggregateKeyOf(operation, field);
  if (!aggregate) return { ok: false, reason: `${operation} of a ${field.type} field is not an aggregate Twenty's group-by answers` };
  const zone = typeof config.timezone === 'string' && config.timezone.length > 0 ? config.timezone : 'UTC';
  const translation = translateFilterSet(filterSetFromWidget(config.filter), { fields: object.fields, now, zone });
  if (!translation.ok) return { ok: false, reason: `its filter cannot be applied exactly (${translation.refusal.reason}: ${translation.refusal.message})` };
  const filterType = `${capital(object.nameSingular)}FilterInput`;
  const root = object.namePlural;
  const document = translation.filter
    ? `query BoardNumber($filter: ${filterType}) { ${root}(filter: $filter) { ${aggregate.key} } }`
    : `query BoardNumber { ${root} { ${aggregate.key} } }`;
  const variables = translation.filter ? { filter: translation.filter } : {};
  return { ok: true, query: { document, variables, key: aggregate.key, micros: aggregate.micros }, amount: aggregate.micros };
}

export const numberAnswerSchema = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.null()])));

/** The connection's figure: micros as currency units; null (no records to sum) → no point. */
export function numberPoints(answer: z.infer<typeof numberAnswerSchema>, query: NumberQuery, label: string): WidgetPoint[] {
  const raw = Object.values(answer)[0]?.[query.key];
  if (raw === undefined || raw === null) return query.key === 'totalCount' ? [{ label, value: 0 }] : [];
  const value = Number(raw);
  if (!Number.isFinite(value)) return [];
  return [{ label, value: query.micros ? value / 1_000_000 : value }];
}

export function numberDisplay(config: WidgetConfiguration): WidgetDisplay {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const format = config.numberFormat === 'FULL' ? 'full' : config.numberFormat === 'SHORT' ? 'short' : undefined;
  const display: WidgetDisplay = { numberFormat: format, prefix: text(config.prefix), suffix: text(config.suffix), showDataLabels: typeof config.displayDataLabel === 'boolean' ? config.displayDataLabel : undefined };
  return Object.fromEntries(Object.entries(display).filter(([, v]) => v !== undefined)) as WidgetDisplay;
}
