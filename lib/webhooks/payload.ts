// Normalises a webhook body into one event shape. Accepts Twenty's real payload
// ({eventName, objectMetadata, record, updatedFields, eventDate, …}) and the
// {event, data, timestamp} form some third-party docs describe (which Twenty does not send).
import { z } from 'zod';
import { parseMicros } from '@/lib/webhooks/micros';

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
  objectName: string;
  action: WebhookAction;
  eventDate: string | null;
  updatedFields: string[] | null;
  /** Only for opportunities; other objects are acknowledged and ignored by the app. */
  record: WebhookRecord | null;
};

const eventNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/);
const recordObjectSchema = z.record(z.string(), z.unknown());

const twentyPayloadSchema = z.looseObject({
  eventName: eventNameSchema,
  record: recordObjectSchema,
  eventDate: z.string().nullish(),
  updatedFields: z.array(z.string()).nullish(),
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
  const twenty = twentyPayloadSchema.safeParse(json);
  if (twenty.success) {
    const { eventName, record, eventDate, updatedFields } = twenty.data;
    return normalise(eventName, record, eventDate ?? null, updatedFields ?? null);
  }
  const thirdParty = thirdPartyPayloadSchema.safeParse(json);
  if (thirdParty.success) {
    const { event, data, timestamp } = thirdParty.data;
    const eventDate = typeof timestamp === 'number' ? new Date(timestamp).toISOString() : (timestamp ?? null);
    return normalise(event, data, eventDate, null);
  }
  return { ok: false };
}

function normalise(
  eventName: string,
  record: Record<string, unknown>,
  eventDate: string | null,
  updatedFields: string[] | null,
): PayloadResult {
  const [objectName = '', action = ''] = eventName.split('.');
  const base = { objectName, action, eventDate, updatedFields };
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
