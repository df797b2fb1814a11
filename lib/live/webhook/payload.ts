// Normalises a webhook body into one event shape. Accepts Twenty's real payload
// ({eventName, objectMetadata, record, updatedFields, eventDate, webhookId, …}), Twenty 2.x's
// metadata events ({eventName: "metadata.<name>.<action>", event: {…}}, no record: a `*.*`
// webhook gets them too; they are acknowledged and change nothing) and the {event, data,
// timestamp} form some third-party docs describe (which Twenty does not send).
import { z } from 'zod';
import { parseMicros } from '@/lib/live/webhook/micros';

export type WebhookAction = 'created' | 'updated' | 'deleted' | 'restored' | 'destroyed' | (string & {});

/** The opportunity fields the dashboard reads; amountMicros is exact. */
export type WebhookRecord = {
  id: string;
  name: string | null;
  stage: string;
  amountMicros: bigint | null;
  /** null when Twenty sends null or "" (an empty amount). */
  currencyCode: string | null;
  closeDate: string | null;
  deletedAt: string | null;
  updatedAt: string;
  companyId: string | null;
};

export type WebhookEvent = {
  /** The object (`opportunity`, `company`…), or `metadata.<name>` for a metadata event. */
  objectName: string;
  action: WebhookAction;
  eventDate: string | null;
  updatedFields: string[] | null;
  /** Only for opportunities; other objects are acknowledged and ignored by the app. */
  record: WebhookRecord | null;
  /** The Twenty webhook that sent it (its bodies carry it), checked against TWENTY_WEBHOOK_ID. */
  webhookId?: string | null;
};

const eventNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/);
const recordObjectSchema = z.record(z.string(), z.unknown());
const webhookIdSchema = z.string().min(1).max(200).nullish();

const twentyPayloadSchema = z.looseObject({
  eventName: eventNameSchema,
  record: recordObjectSchema,
  eventDate: z.string().nullish(),
  updatedFields: z.array(z.string()).nullish(),
  webhookId: webhookIdSchema,
});

const metadataPayloadSchema = z.looseObject({
  eventName: z.string().regex(/^metadata\.[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/),
  event: z.looseObject({}),
  eventDate: z.string().nullish(),
  webhookId: webhookIdSchema,
});

const thirdPartyPayloadSchema = z.looseObject({
  event: eventNameSchema,
  data: recordObjectSchema,
  timestamp: z.union([z.string(), z.number().int().nonnegative().max(8.64e15)]).nullish(),
});

const nullableText = z.string().nullish().transform((value) => value ?? null);

const opportunityRecordSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableText,
  stage: z.string().min(1),
  amount: z
    .looseObject({
      amountMicros: z.unknown().transform((value, ctx) => {
        const micros = parseMicros(value);
        if (micros === undefined) {
          ctx.addIssue({ code: 'custom', message: 'amountMicros must be an exact integer' });
          return z.NEVER;
        }
        return micros;
      }),
      currencyCode: nullableText,
    })
    .nullish(),
  closeDate: nullableText,
  deletedAt: nullableText,
  updatedAt: z.string().min(1),
  companyId: nullableText,
});

export type PayloadResult = { ok: true; event: WebhookEvent } | { ok: false };

export function parseWebhookPayload(json: unknown): PayloadResult {
  const metadata = metadataPayloadSchema.safeParse(json);
  if (metadata.success) {
    const { eventName, eventDate, webhookId } = metadata.data;
    const cut = eventName.lastIndexOf('.');
    const event = { objectName: eventName.slice(0, cut), action: eventName.slice(cut + 1), eventDate: eventDate ?? null, updatedFields: null };
    return { ok: true, event: { ...event, record: null, webhookId: webhookId ?? null } };
  }
  const twenty = twentyPayloadSchema.safeParse(json);
  if (twenty.success) {
    const { eventName, record, eventDate, updatedFields, webhookId } = twenty.data;
    return normalise(eventName, record, { eventDate: eventDate ?? null, updatedFields: updatedFields ?? null, webhookId: webhookId ?? null });
  }
  const thirdParty = thirdPartyPayloadSchema.safeParse(json);
  if (thirdParty.success) {
    const { event, data, timestamp } = thirdParty.data;
    const eventDate = typeof timestamp === 'number' ? new Date(timestamp).toISOString() : (timestamp ?? null);
    return normalise(event, data, { eventDate, updatedFields: null, webhookId: null });
  }
  return { ok: false };
}

function normalise(
  eventName: string,
  record: Record<string, unknown>,
  meta: { eventDate: string | null; updatedFields: string[] | null; webhookId: string | null },
): PayloadResult {
  const [objectName = '', action = ''] = eventName.split('.');
  const base = { objectName, action, ...meta };
  if (objectName !== 'opportunity') return { ok: true, event: { ...base, record: null } };
  const parsed = opportunityRecordSchema.safeParse(record);
  if (!parsed.success) return { ok: false };
  const { id, name, stage, amount, closeDate, deletedAt, updatedAt, companyId } = parsed.data;
  const currencyCode = amount?.currencyCode ? amount.currencyCode : null;
  return {
    ok: true,
    event: {
      ...base,
      record: { id, name, stage, amountMicros: amount?.amountMicros ?? null, currencyCode, closeDate, deletedAt, updatedAt, companyId },
    },
  };
}
