// Twenty's filter-based bulk mutations: updateOpportunities, deleteOpportunities,
// restoreOpportunities, destroyOpportunities. Each emits one change per record, except a 2.x bulk
// destroy, which emits one `destroyed` for the first record only (real-2.21/webhooks/049, 063:
// destroying 3 or 4 records produced exactly one delivery per webhook).
import type { SandboxChange } from '@/sandbox/events';
import { compileFilter, type QueryEnv } from '@/sandbox/query/filter';
import { matchRows } from '@/sandbox/query/find-many';
import { opportunitySpec } from '@/sandbox/records/object-specs';
import type { OpportunityInput } from '@/sandbox/records/opportunity-input';
import type { OpportunityWrites } from '@/sandbox/records/opportunity-writes';
import type { Actor, OpportunityRow } from '@/sandbox/records/types';

export class OpportunityBulkWrites {
  /** `env` is the workspace's filter rules; a request passes its own (2.21's strict ones) to each call. */
  constructor(
    private readonly writes: OpportunityWrites,
    private readonly env: QueryEnv,
  ) {}

  private get store() {
    return this.writes.ctx.store;
  }

  /** Rows the filter reaches under the usual rule: soft-deleted ones only when it names deletedAt. */
  private visible(filter: unknown, env: QueryEnv): OpportunityRow[] {
    return matchRows(this.store.opportunities.all(), opportunitySpec, filter, env);
  }

  /** Restore and destroy look through soft-deleted rows too, as Twenty's `withDeleted` queries do. */
  private withDeleted(filter: unknown, env: QueryEnv): OpportunityRow[] {
    const predicate = compileFilter(opportunitySpec, filter, env);
    return this.store.opportunities.all().filter((row) => predicate(row) === true);
  }

  private emit(changes: SandboxChange[]): void {
    this.store.emit(changes);
  }

  update(filter: unknown, input: OpportunityInput, actor: Actor, env: QueryEnv = this.env): OpportunityRow[] {
    const rows = this.visible(filter, env);
    const now = Date.now();
    // Every draft is built (and validated) before the first row changes: all or nothing.
    const drafts = rows.map((row) => ({ row, ...this.writes.draftUpdate(row, input, actor, now) }));
    for (const { row, draft } of drafts) Object.assign(row, draft);
    this.emit(drafts.map(({ row, changed }) => this.writes.change('updated', row, actor, changed)));
    return rows;
  }

  softDelete(filter: unknown, actor: Actor, env: QueryEnv = this.env): OpportunityRow[] {
    const rows = this.visible(filter, env).filter((row) => row.deletedAt === null);
    const now = Date.now();
    for (const row of rows) {
      row.updatedAt = this.writes.tick(row.updatedAt, now);
      row.deletedAt = row.updatedAt;
    }
    this.emit(rows.map((row) => this.writes.change('deleted', row, actor, this.writes.deletionFields())));
    return rows;
  }

  restore(filter: unknown, actor: Actor, env: QueryEnv = this.env): OpportunityRow[] {
    const rows = this.withDeleted(filter, env).filter((row) => row.deletedAt !== null);
    const now = Date.now();
    for (const row of rows) {
      row.deletedAt = null;
      row.updatedAt = this.writes.tick(row.updatedAt, now);
    }
    this.emit(rows.map((row) => this.writes.change('restored', row, actor, this.writes.deletionFields())));
    return rows;
  }

  destroy(filter: unknown, actor: Actor, env: QueryEnv = this.env): OpportunityRow[] {
    const rows = this.withDeleted(filter, env);
    for (const row of rows) this.store.opportunities.remove(row.id);
    // v0.55 is not captured doing this; it is taken to send one delivery per record like every other bulk call.
    const announced = this.writes.ctx.legacy ? rows : rows.slice(0, 1);
    this.emit(announced.map((row) => this.writes.change('destroyed', row, actor)));
    return rows;
  }
}
