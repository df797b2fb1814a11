// The view API's inputs (CreateViewInput, CreateViewFilterInput, …) as the 2.21 schema declares
// them. /metadata validates and coerces variables first; these schemas read what gets through.
// A filter's `value` is any JSON and is stored verbatim (q1-createViewFilter-A/B).
import { z } from 'zod';
import { badUserInput } from '@/sandbox/graphql/errors';
import { LOGICAL_OPERATORS, VIEW_FILTER_OPERANDS, VIEW_TYPES } from '@/sandbox/views/types';

const id = z.string().min(1);
const optionalId = id.nullish();

export const createViewSchema = z.object({
  id: optionalId,
  name: z.string(),
  objectMetadataId: id,
  type: z.enum(VIEW_TYPES).nullish(),
  key: z.literal('INDEX').nullish(),
  icon: z.string(),
  position: z.number().nullish(),
  isCompact: z.boolean().nullish(),
  shouldHideEmptyGroups: z.boolean().nullish(),
  kanbanColumnWidth: z.number().int().nullish(),
  openRecordIn: z.enum(['SIDE_PANEL', 'RECORD_PAGE']).nullish(),
  kanbanAggregateOperation: z.string().nullish(),
  kanbanAggregateOperationFieldMetadataId: optionalId,
  anyFieldFilterValue: z.string().nullish(),
  calendarLayout: z.enum(['DAY', 'WEEK', 'MONTH']).nullish(),
  calendarFieldMetadataId: optionalId,
  mainGroupByFieldMetadataId: optionalId,
  visibility: z.enum(['WORKSPACE', 'UNLISTED']).nullish(),
});

export const updateViewSchema = createViewSchema.omit({ objectMetadataId: true, key: true }).partial();

const filterFields = {
  fieldMetadataId: id,
  operand: z.enum(VIEW_FILTER_OPERANDS).nullish(),
  value: z.unknown(),
  viewFilterGroupId: optionalId,
  positionInViewFilterGroup: z.number().nullish(),
  subFieldName: z.string().nullish(),
  relationTargetFieldMetadataId: optionalId,
};

export const createViewFilterSchema = z.object({ id: optionalId, viewId: id, ...filterFields });
export const updateViewFilterSchema = z.object({ id, update: z.object(filterFields).partial() });

export const createViewFilterGroupSchema = z.object({
  id: optionalId,
  viewId: id,
  parentViewFilterGroupId: optionalId,
  logicalOperator: z.enum(LOGICAL_OPERATORS).nullish(),
  positionInViewFilterGroup: z.number().nullish(),
});

export const createViewSortSchema = z.object({ id: optionalId, viewId: id, fieldMetadataId: id, direction: z.enum(['ASC', 'DESC']).nullish(), subFieldName: z.string().nullish() });

export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badUserInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Drops the keys a client left out or sent as null, so they do not overwrite defaults. */
export function given<T extends Record<string, unknown>>(input: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}
