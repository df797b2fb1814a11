import { z } from 'zod';
import type { PipelineData } from '@/lib/pipeline/types';
import { publishedBoardSchema, publishedWidgetSchema } from '@/lib/pipeline/board-schema';

// PipelineData across Redis: JSON has no bigint, so micros travel as decimal integer strings and
// come back as bigint. Parsed with zod on the way in: Redis is an edge like any HTTP body.

const micros = z.string().regex(/^-?\d+$/).transform((s) => BigInt(s));

const stageOption = z.object({ value: z.string(), label: z.string(), color: z.string(), position: z.number() });

const dealGroup = z.object({
  stage: z.string(),
  currencyCode: z.string().nullable(),
  closeMonth: z.string().nullable(),
  count: z.number().int().nonnegative(),
  amountMicros: micros,
  amountCount: z.number().int().nonnegative().optional(),
});

// Owners' buckets and names (present only for dashboards that show owners).
const owners = z.object({
  groups: z.array(dealGroup.extend({ ownerId: z.string().nullable() })),
  names: z.record(z.string(), z.string()),
});

const deal = z.object({
  id: z.string(),
  name: z.string().nullable(),
  stage: z.string(),
  amountMicros: micros.nullable(),
  currencyCode: z.string().nullable(),
  closeDate: z.string().nullable(),
  companyName: z.string().nullable(),
  updatedAt: z.string(),
});

// A saved view's scope (lib/pipeline/types ViewScope) is JSON already; without it a peer's data
// cannot place a delivery for a view dashboard and refreshes instead. The fingerprint lets a peer's
// metadata watch tell whether the view changed since this data was fetched.
const viewScope = z.union([
  z.object({ viewId: z.string(), exact: z.literal(false), fingerprint: z.string().optional() }),
  z.object({
    viewId: z.string(),
    exact: z.literal(true),
    stages: z.array(z.string()).nullable(),
    closeDate: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
    ownerIds: z.array(z.string()).nullable(),
    minAmountMicros: z.string().regex(/^-?\d+$/).nullable(),
    fingerprint: z.string().optional(),
  }),
]);
const createdWeeks = z.object({
  weeks: z.array(z.string()),
  buckets: z.array(z.object({ week: z.string(), currencyCode: z.string().nullable(), count: z.number().int().nonnegative(), amountMicros: micros })),
});

// A published Twenty dashboard's figures are Twenty's own numbers: JSON as they are.
const board = publishedBoardSchema.extend({ widgets: z.array(publishedWidgetSchema), fingerprint: z.string(), objects: z.array(z.string()) });

export const encodedPipelineDataSchema = z.object({
  stageOptions: z.array(stageOption),
  stageOptionsSource: z.enum(['metadata', 'default']),
  groups: z.array(dealGroup),
  topDeals: z.array(deal),
  strategy: z.enum(['groupBy', 'aggregate', 'paging']),
  owners: owners.optional(),
  created: createdWeeks.optional(),
  fetchedAt: z.string(),
  view: viewScope.optional(),
  board: board.optional(),
});

/** A JSON-safe value (bigints as strings); undefined optional fields are dropped by JSON. */
export function encodePipelineData(data: PipelineData): unknown {
  return {
    ...data,
    groups: data.groups.map((g) => ({ ...g, amountMicros: g.amountMicros.toString() })),
    topDeals: data.topDeals.map((d) => ({ ...d, amountMicros: d.amountMicros === null ? null : d.amountMicros.toString() })),
    ...(data.owners ? { owners: { ...data.owners, groups: data.owners.groups.map((g) => ({ ...g, amountMicros: g.amountMicros.toString() })) } } : {}),
    ...(data.created ? { created: { ...data.created, buckets: data.created.buckets.map((b) => ({ ...b, amountMicros: b.amountMicros.toString() })) } } : {}),
  };
}

export function decodePipelineData(value: unknown): PipelineData | null {
  const parsed = encodedPipelineDataSchema.safeParse(value);
  if (!parsed.success) return null;
  const { groups, owners: ownerData, created, ...rest } = parsed.data;
  // zod leaves an absent optional key absent, but be explicit: `amountCount: undefined` is not the same contract.
  const exact = <G extends { amountCount?: number | undefined }>({ amountCount, ...g }: G) => (amountCount === undefined ? g : { ...g, amountCount });
  const data: PipelineData = { ...rest, ...(created ? { created } : {}), groups: groups.map(exact) };
  return ownerData ? { ...data, owners: { ...ownerData, groups: ownerData.groups.map(exact) } } : data;
}
