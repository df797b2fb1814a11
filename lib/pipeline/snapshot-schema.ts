import '@/lib/http/zod-no-eval';
import { z } from 'zod';
import { MICROS_TEXT } from '@/lib/pipeline/money/micros';
import type { Snapshot } from '@/lib/pipeline/types';
import { publishedBoardSchema, publishedWidgetSchema } from '@/lib/pipeline/board-schema';

// The browser receives snapshots over SSE and polling: both are HTTP bodies, so they are parsed,
// not trusted. A body that does not match keeps the previous numbers on screen.

const micros = z.string().regex(MICROS_TEXT);
const money = z.object({ currencyCode: z.string(), amountMicros: micros });
const moneyTotal = z.object({ currency: z.string(), amountMicros: micros, converted: z.boolean(), other: z.array(money) });
const countedTotal = moneyTotal.extend({ count: z.number().int().nonnegative() });
const dealCount = z.number().int().nonnegative();
// Goal, win rate and funnel are optional: a snapshot from before them (a cache, an open stream
// across a deploy) still parses, and the views leave out what it lacks.
const goalProgress = z.object({ amountMicros: micros, progressPercent: z.number(), coveragePercent: z.number().nullable() });
const winRate = z.object({ won: dealCount, lost: dealCount, percent: z.number().min(0).max(100).nullable() });
const createdPoint = moneyTotal.extend({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count: dealCount });
const funnelStep = z.object({ value: z.string(), reached: dealCount, conversionPercent: z.number().nonnegative().nullable() });

// Owners are optional too: only dashboards whose fields include "owner" carry them.
const ownerSummary = z.object({ id: z.string().nullable(), name: z.string(), open: countedTotal, won: countedTotal });

const stageSummary = z.object({
  value: z.string(),
  label: z.string(),
  color: z.string(),
  position: z.number(),
  count: z.number().int().nonnegative(),
  amountMicros: micros,
  converted: z.boolean(),
  other: z.array(money),
  isWon: z.boolean(),
  isLost: z.boolean(),
  known: z.boolean(),
});

const topDeal = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  amountMicros: micros.nullable().optional(),
  currencyCode: z.string().nullable().optional(),
  stage: z.string().optional(),
  stageLabel: z.string().optional(),
  closeDate: z.string().nullable().optional(),
  companyName: z.string().nullable().optional(),
});

export const tickerItemSchema = z.object({
  id: z.string().min(1),
  at: z.string(),
  kind: z.enum(['moved', 'won', 'created', 'lost', 'restored']),
  fromStage: z.string().optional(),
  fromLabel: z.string().optional(),
  toStage: z.string().optional(),
  toLabel: z.string().optional(),
  dealName: z.string().optional(),
  amountMicros: micros.optional(),
  currencyCode: z.string().optional(),
});

/** The browser keeps at most this many ticker lines, whatever a server sends. */
export const TICKER_LIMIT = 20;

// One odd ticker line (say, a kind a newer server invented) drops that line only: the ticker is
// decoration around the numbers and must never cost the whole snapshot.
const ticker = z
  .array(z.unknown())
  .transform((items) => items.flatMap((item) => {
    const parsed = tickerItemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, TICKER_LIMIT));

export const snapshotSchema = z.object({
  slug: z.string(),
  title: z.string(),
  currency: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  asOf: z.string(),
  version: z.string(),
  stale: z.boolean(),
  staleReason: z.enum(['unreachable', 'rate_limited', 'auth', 'rejected', 'timeout', 'upstream_error']).nullable(),
  staleSince: z.string().nullable(),
  stages: z.array(stageSummary),
  kpis: z.object({
    openValue: moneyTotal,
    openCount: z.number().int().nonnegative(),
    averageDeal: moneyTotal.nullable(),
    wonThisPeriod: countedTotal,
    wonPreviousPeriod: countedTotal,
    closingThisMonth: countedTotal,
    period: z.enum(['month', 'quarter', 'year']),
    goal: goalProgress.nullable().optional(),
    winRate: winRate.optional(),
  }),
  timeline: z.array(countedTotal.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) })),
  funnel: z.array(funnelStep).optional(),
  created: z.array(createdPoint).optional(),
  topDeals: z.array(topDeal),
  owners: z.array(ownerSummary).optional(),
  fields: z.array(z.string()),
  rates: z.record(z.string(), z.string()),
  strategy: z.enum(['groupBy', 'aggregate', 'paging']),
  demo: z.boolean(),
  board: publishedBoardSchema.optional(),
  widgets: z.array(publishedWidgetSchema).optional(),
  ticker: ticker.optional(),
}) satisfies z.ZodType<Snapshot>;

/** A snapshot from a JSON text, or null when the text is not one. */
export function parseSnapshotJson(text: string): Snapshot | null {
  try {
    return parseSnapshot(JSON.parse(text));
  } catch {
    return null;
  }
}

export function parseSnapshot(value: unknown): Snapshot | null {
  const result = snapshotSchema.safeParse(value);
  return result.success ? result.data : null;
}
