// The demo workspace's records: rows kept sorted by id (Twenty's default order and tie-breaker),
// so an unordered page never needs a sort, plus the change feed webhooks and tests listen to.
import type { ChangeListener, SandboxChange } from '@/sandbox/events';
import type { AnyRow, CompanyRow, OpportunityRow, PersonRow, WorkspaceMemberRow } from '@/sandbox/records/types';

class SortedTable<Row extends AnyRow> {
  private rows: Row[];
  private byId = new Map<string, Row>();

  constructor(rows: Row[]) {
    this.rows = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const row of this.rows) this.byId.set(row.id, row);
  }

  all(): readonly Row[] {
    return this.rows;
  }

  get(id: string): Row | undefined {
    return this.byId.get(id);
  }

  private indexOf(id: string): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const row = this.rows[mid];
      if (row !== undefined && row.id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(row: Row): void {
    if (this.byId.has(row.id)) throw new Error(`duplicate id ${row.id}`);
    this.rows.splice(this.indexOf(row.id), 0, row);
    this.byId.set(row.id, row);
  }

  remove(id: string): void {
    if (!this.byId.delete(id)) return;
    this.rows.splice(this.indexOf(id), 1);
  }
}

export class WorkspaceStore {
  readonly opportunities: SortedTable<OpportunityRow>;
  readonly companies: SortedTable<CompanyRow>;
  readonly people: SortedTable<PersonRow>;
  readonly workspaceMembers: SortedTable<WorkspaceMemberRow>;
  private readonly listeners = new Set<ChangeListener>();

  constructor(seed: { opportunities: OpportunityRow[]; companies: CompanyRow[]; people?: PersonRow[]; workspaceMembers?: WorkspaceMemberRow[] }) {
    this.opportunities = new SortedTable(seed.opportunities);
    this.companies = new SortedTable(seed.companies);
    this.people = new SortedTable(seed.people ?? []);
    this.workspaceMembers = new SortedTable(seed.workspaceMembers ?? []);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(changes: SandboxChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /** Stage values that no longer exist move to `fallback`; renamed ones follow their option. */
  remapStages(renames: ReadonlyMap<string, string>, valid: ReadonlySet<string>, fallback: string): void {
    for (const row of this.opportunities.all()) {
      const renamed = renames.get(row.stage) ?? row.stage;
      row.stage = valid.has(renamed) ? renamed : fallback;
    }
  }
}
