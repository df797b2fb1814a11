// One demo workspace: records, metadata, the write rules and the schema that follows the stage
// options. Everything a request needs hangs off this object.
import type { GraphQLSchema } from 'graphql';
import { buildCoreSchema, type TwentyVersion } from '@/sandbox/graphql/core-schema';
import { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { QueryEnv } from '@/sandbox/query/filter';
import type { PagePolicy } from '@/sandbox/query/find-many';
import { OpportunityBulkWrites } from '@/sandbox/records/opportunity-bulk-writes';
import { OpportunityWrites } from '@/sandbox/records/opportunity-writes';
import { seedWorkspace } from '@/sandbox/records/seed';
import { WorkspaceStore } from '@/sandbox/records/store';
import { seedLayouts } from '@/sandbox/layouts/seed';
import { LayoutStore } from '@/sandbox/layouts/store';
import { seedViews } from '@/sandbox/views/seed';
import { ViewStore } from '@/sandbox/views/store';
import { startWorkspaceWebhooks, type WorkspaceWebhooks, type WorkspaceWebhooksOptions } from '@/sandbox/webhooks/workspace-webhooks';

export type WorkspaceOptions = {
  version: TwentyVersion;
  seed: number;
  anchor: Date;
  opportunities: number;
  canaries?: boolean;
  /** The server's clock as saved views' relative dates read it (tests replay captured days). */
  clock?: () => number;
};

/** Twenty's default page is 60 in v0.55 and 200 in 2.21; neither caps `first` (captured). */
const PAGE_POLICIES: Record<TwentyVersion, PagePolicy> = {
  '2.21': { defaultSize: 200, maxSize: null },
  '0.55': { defaultSize: 60, maxSize: null },
};
/** Nested relation lists are capped at 60 in every version. */
export const NESTED_PAGE_POLICY: PagePolicy = { defaultSize: 60, maxSize: 60 };

export class Workspace {
  readonly store: WorkspaceStore;
  readonly metadata: WorkspaceMetadata;
  readonly writes: OpportunityWrites;
  readonly bulkWrites: OpportunityBulkWrites;
  readonly policy: PagePolicy;
  readonly env: QueryEnv;
  /** Saved views (2.21's /metadata view API); v0.55 serves none. */
  readonly views: ViewStore;
  /** Page layouts (2.21's dashboards on /metadata); v0.55 serves none. */
  readonly layouts: LayoutStore;
  readonly clock: () => number;
  private schema: GraphQLSchema | null = null;
  private stageRanks = new Map<string, number>();

  constructor(readonly options: WorkspaceOptions) {
    this.metadata = new WorkspaceMetadata(options.seed, options.anchor, { legacy: this.legacy });
    this.store = new WorkspaceStore(seedWorkspace({ opportunities: options.opportunities, seed: options.seed, anchor: options.anchor, canaries: options.canaries }));
    // 2.x stores an empty currency code as null (FINDINGS, "Real 2.21 vs. the demo workspace").
    if (!this.legacy) for (const row of this.store.opportunities.all()) if (row.currencyCode === '') row.currencyCode = null;
    this.policy = PAGE_POLICIES[options.version];
    this.refreshStageRanks();
    // Stage order is option position, as Postgres orders an enum column by its declaration.
    this.env = { rank: (field, value) => (field === 'stage' ? (this.stageRanks.get(value) ?? Number.MAX_SAFE_INTEGER) : 0) };
    this.writes = new OpportunityWrites({
      store: this.store,
      objectMetadataId: this.metadata.object('opportunity').id,
      defaultStage: () => this.metadata.defaultStage(),
      stageExists: (value) => this.stageRanks.has(value),
      legacy: this.legacy,
    });
    this.bulkWrites = new OpportunityBulkWrites(this.writes, this.env);
    this.clock = options.clock ?? Date.now;
    this.views = new ViewStore(this.metadata.workspaceId);
    if (!this.legacy) seedViews(this.views, this.metadata, options.seed, options.anchor);
    this.layouts = new LayoutStore();
    if (!this.legacy) seedLayouts(this.layouts, this.metadata, options.seed, options.anchor);
    this.metadata.onStagesChange((change) => {
      this.store.remapStages(change.renames, change.valid, change.fallback);
      this.refreshStageRanks();
      this.schema = null;
    });
  }

  get version(): TwentyVersion {
    return this.options.version;
  }

  /** v0.55 and 2.x differ in their webhook records, empty currencies and bulk destroy deliveries. */
  get legacy(): boolean {
    return this.options.version === '0.55';
  }

  private refreshStageRanks(): void {
    this.stageRanks = new Map(this.metadata.stageOptions().map((o, i) => [o.value, i]));
  }

  /** Rebuilt lazily after the stage options change, so the enum always matches the metadata. */
  coreSchema(): GraphQLSchema {
    this.schema ??= buildCoreSchema(this.version, this.metadata.stageOptions().map((o) => o.value));
    return this.schema;
  }

  /** Registers the command-line webhooks and sends every record and metadata change to all webhooks. */
  startWebhooks(options: Omit<WorkspaceWebhooksOptions, 'legacy'>): WorkspaceWebhooks {
    return startWorkspaceWebhooks(this.store, this.metadata, { ...options, legacy: this.legacy });
  }
}
