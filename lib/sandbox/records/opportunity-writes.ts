// The writes a CRM user makes to opportunities, with Twenty's rules: soft delete sets deletedAt,
// updates merge composite fields, every change moves updatedAt forward (strictly, per record),
// and each call emits one batch of SandboxChange events in Twenty's flat webhook shape.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SandboxChange } from '@/lib/sandbox/events';
import { badUserInput, recordNotFound } from '@/lib/sandbox/graphql/errors';
import { flatOpportunity } from '@/lib/sandbox/records/flat-record';
import type { WorkspaceStore } from '@/lib/sandbox/records/store';
import type { Actor, OpportunityRow } from '@/lib/sandbox/records/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberLike = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a number` });
  return n;
});
const dateLike = z.string().transform((v, ctx) => {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a date` });
  return ms;
});
const idLike = z.string().regex(UUID, 'Invalid UUID');

export const opportunityInputSchema = z.object({
  id: idLike.optional(),
  name: z.string().nullish(),
  amount: z.object({ amountMicros: numberLike.nullish(), currencyCode: z.string().nullish() }).nullish(),
  closeDate: dateLike.nullish(),
  stage: z.string().optional(),
  position: numberLike.optional(),
  companyId: idLike.nullish(),
  company: idLike.nullish(),
  pointOfContactId: idLike.nullish(),
  pointOfContact: idLike.nullish(),
});
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

export function parseOpportunityInput(data: unknown): OpportunityInput {
  const parsed = opportunityInputSchema.safeParse(data ?? {});
  if (!parsed.success) throw badUserInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Fields compared for `updatedFields`, in the flat record's order. */
const TRACKED: (keyof OpportunityRow)[] = ['name', 'amountMicros', 'currencyCode', 'closeDate', 'stage', 'position', 'companyId', 'pointOfContactId'];
const FIELD_NAME: Partial<Record<keyof OpportunityRow, string>> = { amountMicros: 'amount', currencyCode: 'amount' };

export type WriteContext = { store: WorkspaceStore; objectMetadataId: string; defaultStage: () => string; stageExists: (v: string) => boolean };

export class OpportunityWrites {
  constructor(private readonly ctx: WriteContext) {}

  private tick(previous: number): number {
    return Math.max(Date.now(), previous + 1);
  }

  private change(action: SandboxChange['action'], row: OpportunityRow, updatedFields?: string[]): SandboxChange {
    const change: SandboxChange = { action, objectName: 'opportunity', objectMetadataId: this.ctx.objectMetadataId, record: flatOpportunity(row, action === 'created') };
    return updatedFields ? { ...change, updatedFields } : change;
  }

  private live(id: string, deleted: boolean): OpportunityRow {
    const row = this.ctx.store.opportunities.get(id);
    if (!row || (row.deletedAt !== null) !== deleted) throw recordNotFound();
    return row;
  }

  private apply(row: OpportunityRow, input: OpportunityInput): void {
    if (input.stage !== undefined && !this.ctx.stageExists(input.stage)) throw badUserInput(`Invalid stage "${input.stage}"`);
    const companyId = input.companyId !== undefined ? input.companyId : input.company;
    if (companyId && !this.ctx.store.companies.get(companyId)) throw badUserInput(`Company ${companyId} does not exist`);
    if (input.name !== undefined) row.name = input.name ?? '';
    if (input.amount !== undefined) {
      if (input.amount?.amountMicros !== undefined) row.amountMicros = input.amount.amountMicros;
      if (input.amount?.currencyCode !== undefined) row.currencyCode = input.amount.currencyCode;
      if (input.amount === null) Object.assign(row, { amountMicros: null, currencyCode: '' });
    }
    if (input.closeDate !== undefined) row.closeDate = input.closeDate;
    if (input.stage !== undefined) row.stage = input.stage;
    if (input.position !== undefined) row.position = input.position;
    if (companyId !== undefined) row.companyId = companyId;
    const contact = input.pointOfContactId !== undefined ? input.pointOfContactId : input.pointOfContact;
    if (contact !== undefined) row.pointOfContactId = contact;
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
        id, name: '', amountMicros: null, currencyCode: '', closeDate: null, stage: this.ctx.defaultStage(), position,
        createdBy: actor, createdAt: now, updatedAt: now, deletedAt: null, companyId: null, pointOfContactId: null,
      };
      this.apply(row, input);
      created.push(row);
    }
    for (const row of created) table.insert(row);
    this.ctx.store.emit(created.map((row) => this.change('created', row)));
    return created;
  }

  update(id: string, input: OpportunityInput): OpportunityRow {
    const row = this.live(id, false);
    const before = { ...row };
    const draft = { ...row };
    this.apply(draft, input);
    Object.assign(row, draft, { updatedAt: this.tick(row.updatedAt) });
    const changed = TRACKED.filter((k) => before[k] !== row[k]).map((k) => FIELD_NAME[k] ?? k);
    this.ctx.store.emit([this.change('updated', row, [...new Set(changed)])]);
    return row;
  }

  softDelete(id: string): OpportunityRow {
    const row = this.live(id, false);
    row.updatedAt = this.tick(row.updatedAt);
    row.deletedAt = row.updatedAt;
    this.ctx.store.emit([this.change('deleted', row)]);
    return row;
  }

  restore(id: string): OpportunityRow {
    const row = this.live(id, true);
    row.deletedAt = null;
    row.updatedAt = this.tick(row.updatedAt);
    this.ctx.store.emit([this.change('restored', row)]);
    return row;
  }

  destroy(id: string): OpportunityRow {
    const row = this.ctx.store.opportunities.get(id);
    if (!row) throw recordNotFound();
    this.ctx.store.opportunities.remove(id);
    this.ctx.store.emit([this.change('destroyed', row)]);
    return row;
  }
}
