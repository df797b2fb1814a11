// The create inputs of the page-layout API, as the real schema declares them (CreatePageLayoutInput,
// CreatePageLayoutTabInput, CreatePageLayoutWidgetInput). GraphQL has checked the types already;
// these schemas give the resolvers typed values.
import { z } from 'zod';
import { TwentyError } from '@/sandbox/graphql/errors';
import { PAGE_LAYOUT_TYPES, TAB_LAYOUT_MODES } from '@/sandbox/layouts/types';

export const createPageLayoutSchema = z.object({
  name: z.string(),
  type: z.enum(PAGE_LAYOUT_TYPES).nullish(),
  objectMetadataId: z.string().nullish(),
});

export const createPageLayoutTabSchema = z.object({
  title: z.string(),
  position: z.number().nullish(),
  pageLayoutId: z.string(),
  layoutMode: z.enum(TAB_LAYOUT_MODES).nullish(),
});

const gridPositionSchema = z.object({ row: z.number(), column: z.number(), rowSpan: z.number(), columnSpan: z.number() });

export const createPageLayoutWidgetSchema = z.object({
  pageLayoutTabId: z.string(),
  title: z.string(),
  type: z.string(),
  objectMetadataId: z.string().nullish(),
  gridPosition: gridPositionSchema,
  position: z.looseObject({ layoutMode: z.enum(TAB_LAYOUT_MODES) }).nullish(),
  configuration: z.looseObject({ configurationType: z.string() }),
});

export function parseLayoutInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new TwentyError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'BAD_USER_INPUT');
  return parsed.data;
}
