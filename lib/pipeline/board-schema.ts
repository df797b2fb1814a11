import { z } from 'zod';
import type { PublishedBoard, PublishedWidget } from '@/lib/pipeline/board-types';

// A published Twenty dashboard's part of a snapshot, parsed like the rest (snapshot-schema.ts).

const gridPosition = z.object({
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  columnSpan: z.number().int().positive(),
});

const widgetPoint = z.object({ label: z.string(), value: z.number(), series: z.string().optional() });

const widgetDisplay = z.object({
  layout: z.enum(['vertical', 'horizontal']).optional(),
  groupMode: z.enum(['stacked', 'grouped']).optional(),
  stacked: z.boolean().optional(),
  cumulative: z.boolean().optional(),
  color: z.string().optional(),
  showLegend: z.boolean().optional(),
  showDataLabels: z.boolean().optional(),
  xAxisLabel: z.string().optional(),
  yAxisLabel: z.string().optional(),
  numberFormat: z.enum(['short', 'full']).optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  showCenterMetric: z.boolean().optional(),
  rangeMin: z.number().optional(),
  rangeMax: z.number().optional(),
});

export const publishedWidgetSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['bar', 'line', 'pie', 'number']),
  tab: z.number().int().positive(),
  grid: gridPosition,
  state: z.enum(['ok', 'not_shared', 'unavailable']),
  points: z.array(widgetPoint).optional(),
  hasTooManyGroups: z.boolean().optional(),
  amount: z.boolean().optional(),
  display: widgetDisplay.optional(),
  description: z.string().optional(),
}) satisfies z.ZodType<PublishedWidget>;

export const publishedBoardSchema = z.object({
  id: z.string(),
  name: z.string(),
  tabs: z.array(z.object({ id: z.string(), title: z.string(), position: z.number() })),
}) satisfies z.ZodType<PublishedBoard>;
