// The JSON body of one delivery, with Twenty's key order
// (transform-event-batch-to-webhook-events.ts) and its per-version money encoding.
import type { FlatRecord, SandboxChange } from '@/lib/sandbox/events';

export type TwentyVersion = 'current' | '0.55';

export type DeliveryContext = {
  targetUrl: string;
  workspaceId: string;
  webhookId: string;
  eventDate: string;
  version: TwentyVersion;
};

/** Builds the exact text Twenty would send: compact JSON.stringify, keys in Twenty's order. */
export function buildDeliveryBody(change: SandboxChange, context: DeliveryContext): string {
  const body: Record<string, unknown> = {
    targetUrl: context.targetUrl,
    eventName: `${change.objectName}.${change.action}`,
    objectMetadata: { id: change.objectMetadataId, nameSingular: change.objectName },
    workspaceId: context.workspaceId,
    webhookId: context.webhookId,
    eventDate: context.eventDate,
    record: encodeRecord(change.record, context.version),
  };
  if (change.action === 'updated') body.updatedFields = change.updatedFields ?? [];
  return JSON.stringify(body);
}

// v0.55 serialised NUMERIC columns (amountMicros) as strings in webhook records; current Twenty's
// BigFloat gives numbers. Other values pass through in the store's key order.
function encodeRecord(record: FlatRecord, version: TwentyVersion): FlatRecord {
  const encoded: FlatRecord = {};
  for (const [key, value] of Object.entries(record)) {
    encoded[key] = isCurrency(value) ? { ...value, amountMicros: encodeMicros(value.amountMicros, version) } : jsonSafe(value);
  }
  return encoded;
}

type CurrencyLike = { amountMicros: unknown } & Record<string, unknown>;

function isCurrency(value: unknown): value is CurrencyLike {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'amountMicros' in value;
}

function encodeMicros(micros: unknown, version: TwentyVersion): unknown {
  if (micros === null || micros === undefined) return null;
  if (typeof micros !== 'bigint' && typeof micros !== 'number' && typeof micros !== 'string') return micros;
  return version === '0.55' ? String(micros) : Number(micros);
}

/** JSON.stringify throws on bigint; a stray one elsewhere in a record becomes a decimal string. */
function jsonSafe(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
