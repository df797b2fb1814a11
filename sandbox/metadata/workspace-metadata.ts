// Object and field metadata of the demo workspace, including the editable stage options that the
// GraphQL enum, ordering by stage and the dashboard's stage list all follow.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badUserInput, TwentyError } from '@/sandbox/graphql/errors';
import { COMPANY_FIELDS, DEFAULT_STAGE_OPTIONS, OPPORTUNITY_FIELDS, OWNER_FIELD, PERSON_FIELDS, type FieldTemplate } from '@/sandbox/metadata/field-templates';
import type { MetadataChange, MetadataInitiator, MetadataListener } from '@/sandbox/events';
import { fieldUpdatedChange } from '@/sandbox/metadata/field-events';
import { randomUuid, seededRandom, type Random } from '@/sandbox/records/random';
import { WebhookRegistry } from '@/sandbox/webhooks/registry';

export type StageOption = { id: string; color: string; label: string; value: string; position: number };
export type FieldMeta = FieldTemplate & {
  id: string;
  objectId: string;
  description: string | null;
  isCustom: boolean;
  isActive: boolean;
  isUnique: boolean;
  options: StageOption[] | null;
  createdAt: string;
  updatedAt: string;
};
export type ObjectMeta = {
  id: string;
  dataSourceId: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  icon: string;
  createdAt: string;
  updatedAt: string;
  fields: FieldMeta[];
};
export type StageChange = { renames: Map<string, string>; valid: Set<string>; fallback: string };

const optionSchema = z.object({
  id: z.string().optional(),
  value: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Option values must be UPPER_SNAKE_CASE'),
  label: z.string().min(1),
  color: z.string().min(1),
  position: z.number(),
});
const updateSchema = z.object({
  label: z.string().min(1).optional(),
  description: z.string().nullish(),
  icon: z.string().nullish(),
  isActive: z.boolean().optional(),
  defaultValue: z.unknown().optional(),
  options: z.array(optionSchema).min(1).optional(),
});

const unquote = (v: unknown) => (typeof v === 'string' ? v.replace(/^'(.*)'$/, '$1') : undefined);

export class WorkspaceMetadata {
  readonly workspaceId: string;
  readonly objects: ObjectMeta[];
  /** Webhooks are metadata in Twenty 2.x (createWebhook on /metadata). */
  readonly webhooks: WebhookRegistry;
  private readonly listeners = new Set<(change: StageChange) => void>();
  private readonly changeListeners = new Set<MetadataListener>();

  constructor(seed: number, createdAt: Date, opts: { legacy: boolean } = { legacy: false }) {
    const random = seededRandom(seed ^ 0x3e7ada7a);
    this.workspaceId = randomUuid(random);
    const dataSourceId = randomUuid(random);
    const at = createdAt.toISOString();
    const object = (nameSingular: string, namePlural: string, labelSingular: string, labelPlural: string, icon: string, templates: FieldTemplate[]): ObjectMeta => {
      const id = randomUuid(random);
      return { id, dataSourceId, nameSingular, namePlural, labelSingular, labelPlural, icon, createdAt: at, updatedAt: at, fields: templates.map((t) => this.field(t, id, random, at)) };
    };
    this.objects = [
      object('opportunity', 'opportunities', 'Opportunity', 'Opportunities', 'IconTargetArrow', OPPORTUNITY_FIELDS),
      object('company', 'companies', 'Company', 'Companies', 'IconBuildingSkyscraper', COMPANY_FIELDS),
    ];
    // Drawn after every object and field id, so those stay what they were.
    this.webhooks = new WebhookRegistry(randomUuid(random), !opts.legacy);
    // 2.x's owner and people are drawn last for the same reason; v0.55's metadata stays as captured.
    if (!opts.legacy) {
      const opportunity = this.object('opportunity');
      opportunity.fields.push(this.field(OWNER_FIELD, opportunity.id, random, at));
      this.objects.push(object('person', 'people', 'Person', 'People', 'IconUser', PERSON_FIELDS));
    }
  }

  private field(t: FieldTemplate, objectId: string, random: Random, at: string): FieldMeta {
    const options = t.type === 'SELECT' ? DEFAULT_STAGE_OPTIONS.map((o, position) => ({ id: randomUuid(random), color: o.color, label: o.label, value: o.value, position })) : null;
    return { ...t, id: randomUuid(random), objectId, description: null, isCustom: false, isActive: true, isUnique: t.name === 'id', options, createdAt: at, updatedAt: at };
  }

  object(nameSingular: string): ObjectMeta {
    const found = this.objects.find((o) => o.nameSingular === nameSingular);
    if (!found) throw new Error(`no object ${nameSingular}`);
    return found;
  }

  allFields(): FieldMeta[] {
    return this.objects.flatMap((o) => o.fields);
  }

  stageField(): FieldMeta {
    const found = this.object('opportunity').fields.find((f) => f.name === 'stage');
    if (!found) throw new Error('no stage field');
    return found;
  }

  stageOptions(): StageOption[] {
    return [...(this.stageField().options ?? [])].sort((a, b) => a.position - b.position);
  }

  defaultStage(): string {
    const options = this.stageOptions();
    const wanted = unquote(this.stageField().defaultValue);
    return options.find((o) => o.value === wanted)?.value ?? options[0]?.value ?? 'NEW';
  }

  onStagesChange(listener: (change: StageChange) => void): void {
    this.listeners.add(listener);
  }

  /** Metadata events (Twenty's `metadata.*`), e.g. `fieldMetadata` `updated` after updateField. */
  onMetadataChange(listener: MetadataListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private emitMetadata(changes: MetadataChange[]): void {
    for (const listener of this.changeListeners) listener(changes);
  }

  /** `initiator`: who asked (a user's session; default the API key), named in the metadata event. */
  updateField(id: string, update: unknown, initiator?: MetadataInitiator): FieldMeta {
    const field = this.allFields().find((f) => f.id === id);
    if (!field) throw new TwentyError('Field does not exist', 'NOT_FOUND');
    const parsed = updateSchema.safeParse(update);
    if (!parsed.success) throw badUserInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { options, defaultValue, ...rest } = parsed.data;
    if (options && field.type !== 'SELECT') throw badUserInput(`Field "${field.name}" has no options`);
    if (options && new Set(options.map((o) => o.value)).size !== options.length) throw badUserInput('Options must have unique values');
    const before = field.options ?? [];
    const snapshot = structuredClone(field);
    const nextOptions = options?.map((o) => ({ id: o.id ?? randomUUID(), color: o.color, label: o.label, value: o.value, position: o.position }));
    const valid = new Set((nextOptions ?? before).map((o) => o.value));
    if (defaultValue !== undefined && defaultValue !== null && !valid.has(unquote(defaultValue) ?? '')) throw badUserInput('Default value must be one of the options');
    Object.assign(field, rest, { updatedAt: new Date().toISOString() });
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    if (nextOptions) {
      field.options = nextOptions;
      const renames = new Map<string, string>();
      for (const o of nextOptions) {
        const old = before.find((b) => b.id === o.id);
        if (old && old.value !== o.value) renames.set(old.value, o.value);
      }
      const change: StageChange = { renames, valid, fallback: this.defaultStage() };
      for (const listener of this.listeners) listener(change);
    }
    const event = fieldUpdatedChange(snapshot, field, this.workspaceId);
    if (event) this.emitMetadata([initiator ? { ...event, initiator } : event]);
    return field;
  }
}
