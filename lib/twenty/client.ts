import 'server-only';
import { z } from 'zod';
import type { DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Deal, FetchStrategy, PipelineData } from '@/lib/pipeline/types';
import type { AliasState } from '@/lib/twenty/aggregate-queries';
import type { CallBudget } from '@/lib/twenty/budget';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { readCapabilities } from '@/lib/twenty/capabilities-reader';
import { fetchCreatedWeeks } from '@/lib/twenty/created-fetch';
import { createMetadataPass, type MetadataPass } from '@/lib/twenty/metadata-pass';
import { TwentyError } from '@/lib/twenty/errors';
import { createOwnerReader } from '@/lib/twenty/owners';
import { refreshContext, type RefreshContext } from '@/lib/twenty/refresh-context';
import { readStageOptions, type StageOptionsResult } from '@/lib/twenty/stage-options';
import { fetchWithAggregates } from '@/lib/twenty/strategy-aggregate';
import type { StrategyContext, StrategyResult } from '@/lib/twenty/strategy-context';
import { fetchWithGroupBy } from '@/lib/twenty/strategy-group-by';
import { fetchWithPaging } from '@/lib/twenty/strategy-paging';
import { toDeals, topDealsDocument, topDealsFieldSchema } from '@/lib/twenty/top-deals';
import { createTransport, type Log } from '@/lib/twenty/transport';
import { createDashboardViews, withViewPart } from '@/lib/twenty/views/dashboard-view';
import { createBoardReader } from '@/lib/twenty/board/board-reader';

// The app's one door to Twenty: capabilities learned once, stage options, and the fetch
// strategy that turns a dashboard into PipelineData in as few calls as the server allows.

const optionsSchema = z.object({
  apiUrl: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1, 'TWENTY_API_KEY is empty'),
  timeoutMs: z.number().int().positive().default(10_000),
  forceStrategy: z.enum(['groupBy', 'aggregate', 'paging']).optional(),
  stageOptionsTtlMs: z.number().int().nonnegative().default(60_000),
  /** Aggregate strategy: month detail (and the trend's weeks) by paging, by aggregates, or whichever costs fewer calls. */
  monthDetail: z.enum(['auto', 'paging', 'aggregates']).default('auto'),
  /** Backoff after a rate-limit answer without a retry hint (v0.55 and 1.x give none). */
  rateLimitBackoffMs: z.number().int().positive().optional(),
  /** A published Twenty dashboard's widgets on objects other than opportunities are read again after this (the cache TTL). */
  widgetDataTtlMs: z.number().int().nonnegative().default(30_000),
});

export type TwentyClientOptions = z.input<typeof optionsSchema> & {
  budget: CallBudget;
  fetch?: typeof fetch;
  log?: Log;
};

export type TwentyClient = {
  fetchPipelineData(dashboard: DashboardConfig, now: Date): Promise<PipelineData>;
  fetchStageOptions(): Promise<StageOptionsResult>;
  capabilities(): Promise<Capabilities>;
  /** One pass of the metadata watch: stage options and saved views read again, compared with a basis. */
  metadataPass(): MetadataPass;
  /** Upstream HTTP calls made so far. */
  callCount(): number;
};

const warnToStderr: Log = (line) => {
  if (line.level === 'warn') console.warn(JSON.stringify(line));
};

const NO_GROUP_BY = /Cannot query field "opportunitiesGroupBy"/;

/** groupBy needs a `timeZone` on its month (2.21 requires one); elsewhere aggregates run. */
function defaultStrategy(caps: Capabilities): FetchStrategy {
  return caps.groupBy && caps.groupByTimeZone ? 'groupBy' : 'aggregate';
}

/** A refusal that means "this server has no groupBy as we ask for it", not "this dashboard is wrong". */
function groupByUnavailable(err: unknown, caps: Capabilities): boolean {
  if (!(err instanceof TwentyError)) return false;
  return NO_GROUP_BY.test(err.message) || (caps.assumed === true && err.kind === 'rejected');
}

export function createTwentyClient(options: TwentyClientOptions): TwentyClient {
  const parsed = optionsSchema.parse(options);
  const log = options.log ?? warnToStderr;
  const { budget } = options;
  const transport = createTransport({
    apiUrl: parsed.apiUrl,
    apiKey: parsed.apiKey,
    budget,
    timeoutMs: parsed.timeoutMs,
    fetch: options.fetch ?? fetch,
    log,
    rateLimitBackoffMs: parsed.rateLimitBackoffMs,
  });
  const aliases: AliasState = { allowed: true };
  let capsPromise: Promise<Capabilities> | null = null;
  let stageCache: { at: number; result: StageOptionsResult } | null = null;
  const views = createDashboardViews({ transport, ttlMs: parsed.stageOptionsTtlMs });
  const ownersOf = createOwnerReader(transport, parsed.stageOptionsTtlMs, log);
  const boards = createBoardReader({ transport, ttlMs: parsed.stageOptionsTtlMs, dataTtlMs: parsed.widgetDataTtlMs, log });

  function capabilities(): Promise<Capabilities> {
    capsPromise ??= readCapabilities(transport, log).catch((err: unknown) => {
      capsPromise = null; // a failed look-up is retried on the next refresh
      throw err;
    });
    return capsPromise;
  }

  async function stageOptionsForRefresh(): Promise<StageOptionsResult> {
    if (stageCache && Date.now() - stageCache.at < parsed.stageOptionsTtlMs) return stageCache.result;
    return stageOptionsNow();
  }

  async function stageOptionsNow(): Promise<StageOptionsResult> {
    const result = await readStageOptions(transport, log);
    stageCache = result.source === 'metadata' ? { at: Date.now(), result } : null;
    return result;
  }

  async function readTopDeals(ctx: StrategyContext): Promise<Deal[]> {
    if (!ctx.openFilter || ctx.topDealsLimit === 0) return [];
    const data = await transport.runQuery({
      document: topDealsDocument(ctx.dashboard.fields, true),
      variables: { openFilter: ctx.openFilter, topFirst: ctx.topDealsLimit },
      schema: z.object({ topDeals: topDealsFieldSchema }),
    });
    return toDeals(data.topDeals, ctx.topDealsLimit, log);
  }

  async function runStrategy(first: RefreshContext, strategy: FetchStrategy, again: () => Promise<RefreshContext>): Promise<StrategyResult & { strategy: FetchStrategy; used: RefreshContext }> {
    if (strategy === 'paging') return { ...(await fetchWithPaging(first.ctx)), strategy, used: first };
    if (strategy === 'aggregate') return { ...(await fetchWithAggregates(first.ctx, aliases, parsed.monthDetail)), strategy, used: first };
    let used = first;
    try {
      let result = await fetchWithGroupBy(used.ctx);
      if (!result.verified && used.ctx.view) {
        // A saved view edited in Twenty since it was kept: `viewId` applies its new filters, the
        // kept translation (top deals' open count) the old ones. Read it again and run once more.
        used = await again();
        result = await fetchWithGroupBy(used.ctx);
      }
      if (result.verified || parsed.forceStrategy === 'groupBy') return { ...result, strategy, used };
      log({ level: 'warn', event: 'twenty.strategy_fallback', from: 'groupBy', to: 'aggregate', reason: 'groups do not add up' });
    } catch (err) {
      if (!groupByUnavailable(err, used.ctx.caps) || parsed.forceStrategy === 'groupBy') throw err;
      used.ctx.caps.groupBy = false;
      log({ level: 'info', event: 'twenty.strategy_fallback', from: 'groupBy', to: 'aggregate', reason: 'no groupBy on this server', message: err instanceof Error ? err.message : '' });
    }
    return { ...(await fetchWithAggregates(used.ctx, aliases, parsed.monthDetail)), strategy: 'aggregate', used };
  }

  /** A published Twenty dashboard: Twenty's widgets, no pipeline (its stage options for the metadata watch). */
  async function fetchBoardData(dashboard: DashboardConfig, now: Date): Promise<PipelineData> {
    const fetchedAt = new Date().toISOString();
    const [stageOptions, board] = await Promise.all([stageOptionsForRefresh(), boards.fetchBoard(dashboard, now)]);
    return { stageOptions: stageOptions.options, stageOptionsSource: stageOptions.source, groups: [], topDeals: [], strategy: 'groupBy', fetchedAt, board };
  }

  async function fetchPipelineData(dashboard: DashboardConfig, now: Date): Promise<PipelineData> {
    if (dashboard.twentyDashboard !== undefined) return fetchBoardData(dashboard, now);
    const fetchedAt = new Date().toISOString();
    const [caps, stageOptions, view] = await Promise.all([capabilities(), stageOptionsForRefresh(), views.resolve(dashboard, now)]);
    const inputs = { transport, caps, budget, log, stageOptions };
    const again = async () => {
      views.forget(dashboard);
      return refreshContext(dashboard, now, await views.resolve(dashboard, now), inputs);
    };
    const result = await runStrategy(refreshContext(dashboard, now, view, inputs), parsed.forceStrategy ?? defaultStrategy(caps), again);
    const { ctx, filterCtx, view: usedView } = result.used;
    const topDeals = result.topDeals ?? (await readTopDeals(ctx));
    const owners = await ownersOf(ctx, result);
    const created = dashboard.trend ? await fetchCreatedWeeks(ctx, result.strategy, { aliases, detail: parsed.monthDetail, filterCtx, viewParts: withViewPart([], usedView) }) : undefined;
    return {
      stageOptions: stageOptions.options,
      stageOptionsSource: stageOptions.source,
      groups: result.groups,
      topDeals,
      strategy: result.strategy,
      ...(owners ? { owners } : {}),
      ...(created ? { created } : {}),
      fetchedAt,
      ...(usedView ? { view: usedView.scope } : {}),
    };
  }

  return {
    fetchPipelineData,
    fetchStageOptions: () => readStageOptions(transport, log),
    capabilities,
    metadataPass: () => createMetadataPass({ readStageOptions: stageOptionsNow, views, boards, boardDataTtlMs: parsed.widgetDataTtlMs }),
    callCount: () => transport.callCount(),
  };
}
