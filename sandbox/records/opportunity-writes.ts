// The writes a CRM user makes to opportunities, with Twenty's rules: soft delete sets deletedAt,
// updates merge composite fields, every change moves updatedAt forward (strictly, per record),
// and each call emits one batch of SandboxChange events in the version's flat webhook shape.
// Bulk calls (by filter) live in opportunity-bulk-writes.ts and share these steps.
import { randomUUID } from 'node:crypto';
import type { SandboxChange } from '@/sandbox/events';
import { badUserInput, recordNotFound } from '@/sandbox/graphql/errors';
import { flatOpportunity } from '@/sandbox/records/flat-record';
import { userOf } from '@/sandbox/records/members';
import { relationTarget, type OpportunityInput } from '@/sandbox/records/opportunity-input';
import type { WorkspaceStore } from '@/sandbox/records/store';
import type { Actor, OpportunityRow } from '@/sandbox/records/types';

export { parseOpportunityInput, type OpportunityInput } from '@/sandbox/records/opportunity-input';

/** Fields compared for `updatedFields`, in the flat record's order. */
const TRACKED: (keyof OpportunityRow)[] = ['name', 'amountMicros', 'currencyCode', 'closeDate', 'stage', 'position', 'updatedBy', 'companyId', 'pointOfContactId', 'ownerId'];
const FIELD_NAME: Partial<Record<keyof OpportunityRow, string>> = { amountMicros: 'amount', currencyCode: 'amount' };
/** v0.55 records have neither column, so its updatedFields never name them. */
const V2_ONLY = new Set<keyof OpportunityRow>(['updatedBy', 'ownerId']);

export type WriteContext = {
  store: WorkspaceStore;
  objectMetadataId: string;
  defaultStage: () => string;
  stageExists: (value: string) => boolean;
  /** v0.55: its flat record, "" kept as a currency, no updatedFields on delete/restore. */
  legacy: boolean;
};

const sameActor = (a: Actor, b: Actor) => a.source === b.source && a.workspaceMemberId === b.workspaceMemberId && a.name === b.name;

export class OpportunityWrites {
  constructor(readonly ctx: WriteContext) {}

  /** Strictly after the record's last write, so two writes within one millisecond still order. */
  tick(previous: number, now = Date.now()): number {
    return Math.max(now, previous + 1);
  }

  /** 2.x stores an empty currency code as null (FINDINGS: `""` is stored and returned as null). */
  currency(code: string | null): string | null {
    return !this.ctx.legacy && code === '' ? null : code;
  }

  change(action: SandboxChange['action'], row: OpportunityRow, actor: Actor | undefined, updatedFields?: string[]): SandboxChange {
    const change: SandboxChange = {
      action, objectName: 'opportunity', objectMetadataId: this.ctx.objectMetadataId,
      record: flatOpportunity(row, { legacy: this.ctx.legacy, created: action === 'created' }),
    };
    if (updatedFields) change.updatedFields = updatedFields;
    const user = actor ? userOf(actor, this.ctx.store.workspaceMembers) : null;
    if (user) change.user = user;
    return change;
  }

  /** `deleted`/`restored` name the one field they change in 2.x; v0.55 sent no updatedFields. */
  deletionFields(): string[] | undefined {
    return this.ctx.legacy ? undefined : ['deletedAt'];
  }

  private live(id: string, deleted: boolean): OpportunityRow {
    const row = this.ctx.store.opportunities.get(id);
    if (!row || (row.deletedAt !== null) !== deleted) throw recordNotFound(!this.ctx.legacy);
    return row;
  }

  /** Applies an input to a draft row; throws before anything is stored when the input is invalid. */
  apply(row: OpportunityRow, input: OpportunityInput): void {
    const { store } = this.ctx;
    if (input.stage !== undefined && !this.ctx.stageExists(input.stage)) throw badUserInput(`Invalid stage "${input.stage}"`);
    const companyId = relationTarget(input.companyId, input.company);
    if (companyId && !store.companies.get(companyId)) throw badUserInput(`Company ${companyId} does not exist`);
    const byEmail = (email: string) => store.workspaceMembers.all().find((m) => m.userEmail === email)?.id;
    const ownerId = relationTarget(input.ownerId, input.owner, byEmail);
    if (ownerId && !store.workspaceMembers.get(ownerId)) throw badUserInput(`Workspace member ${ownerId} does not exist`);
    const contactId = relationTarget(input.pointOfContactId, input.pointOfContact);
    if (input.name !== undefined) row.name = input.name ?? '';
    if (input.amount === null) Object.assign(row, { amountMicros: null, currencyCode: this.currency('') });
    if (input.amount?.amountMicros !== undefined) row.amountMicros = input.amount.amountMicros;
    if (input.amount?.currencyCode !== undefined) row.currencyCode = this.currency(input.amount.currencyCode);
    if (input.closeDate !== undefined) row.closeDate = input.closeDate;
    if (input.stage !== undefined) row.stage = input.stage;
    if (input.position !== undefined) row.position = input.position;
    if (companyId !== undefined) row.companyId = companyId;
    if (contactId !== undefined) row.pointOfContactId = contactId;
    if (ownerId !== undefined) row.ownerId = ownerId;
  }

  /** The updated row (not yet stored) and the names of the fields that changed. */
  draftUpdate(row: OpportunityRow, input: OpportunityInput, actor: Actor | undefined, now: number): { draft: OpportunityRow; changed: string[] } {
    const draft = { ...row };
    this.apply(draft, input);
    if (actor) draft.updatedBy = actor;
    draft.updatedAt = this.tick(row.updatedAt, now);
    const changed = TRACKED.filter((k) => !(this.ctx.legacy && V2_ONLY.has(k)))
      .filter((k) => (k === 'updatedBy' ? !sameActor(row.updatedBy, draft.updatedBy) : row[k] !== draft[k]))
      .map((k) => FIELD_NAME[k] ?? k);
    return { draft, changed: [...new Set(changed)] };
  }

  create(inputs: OpportunityInput[], actor: Actor): OpportunityRow[] {
    const table = this.ctx.store.opportunities;
    let position = table.all().reduce((min, r) => Math.min(min, r.position), 0);
    const created: OpportunityRow[] = [];
    for (const input of inputs) {
      const id = input.id ?? randomUUID();
      if (table.get(id) || created.some((r) => r.id === id)) throw badUserInput(`A record with id ${id} already exists`);
      const now = Date.now();
      position -= 1;
      const row: OpportunityRow = {
        id, name: '', amountMicros: null, currencyCode: this.currency(''), closeDate: null, stage: this.ctx.defaultStage(), position,
        createdBy: actor, updatedBy: actor, createdAt: now, updatedAt: now, deletedAt: null, companyId: null, pointOfContactId: null, ownerId: null,
      };
      this.apply(row, input);
      created.push(row);
    }
    for (const row of created) table.insert(row);
    this.ctx.store.emit(created.map((row) => this.change('created', row, actor)));
    return created;
  }

  /** `actor` is who writes (updatedBy, userId on the delivery); internal callers may leave it out. */
  update(id: string, input: OpportunityInput, actor?: Actor): OpportunityRow {
    const row = this.live(id, false);
    const { draft, changed } = this.draftUpdate(row, input, actor, Date.now());
    Object.assign(row, draft);
    this.ctx.store.emit([this.change('updated', row, actor, changed)]);
    return row;
  }

  softDelete(id: string, actor?: Actor): OpportunityRow {
    const row = this.live(id, false);
    row.updatedAt = this.tick(row.updatedAt);
    row.deletedAt = row.updatedAt;
    this.ctx.store.emit([this.change('deleted', row, actor, this.deletionFields())]);
    return row;
  }

  restore(id: string, actor?: Actor): OpportunityRow {
    const row = this.live(id, true);
    row.deletedAt = null;
    row.updatedAt = this.tick(row.updatedAt);
    this.ctx.store.emit([this.change('restored', row, actor, this.deletionFields())]);
    return row;
  }

  destroy(id: string, actor?: Actor): OpportunityRow {
    const row = this.ctx.store.opportunities.get(id);
    if (!row) throw recordNotFound(!this.ctx.legacy);
    this.ctx.store.opportunities.remove(id);
    this.ctx.store.emit([this.change('destroyed', row, actor)]);
    return row;
  }
}
