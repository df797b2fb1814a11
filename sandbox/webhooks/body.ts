// The JSON body of one delivery, with Twenty's key order and its per-version money encoding:
// records as transform-event-batch-to-webhook-events.ts builds them, metadata events as
// call-webhook-jobs-for-metadata.job.ts does (captured: real-2.21/webhooks/067-…).
import type { ChangeUser, FlatRecord, MetadataChange, MetadataInitiator, SandboxChange } from '@/sandbox/events';
import type { TwentyVersion } from '@/sandbox/graphql/core-schema';

/** A version name; only '0.55' differs ('current' is the alias of the default, 2.21). */
export type DeliveryVersion = TwentyVersion | 'current';

export type DeliveryContext = {
  targetUrl: string;
  workspaceId: string;
  webhookId: string;
  eventDate: string;
  /** v0.55 sent amountMicros as a string; 2.x as a number. */
  version: DeliveryVersion;
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
    ...userKeys(change.user),
    record: encodeRecord(change.record, context.version === '0.55'),
  };
  if (change.updatedFields) body.updatedFields = change.updatedFields;
  return JSON.stringify(body);
}

/** Only user-made changes name the user: undefined keys vanish from JSON, as in Twenty's job data. */
function userKeys(user: ChangeUser | undefined): Record<string, string> {
  return user ? { userId: user.userId, workspaceMemberId: user.workspaceMemberId } : {};
}

export function buildMetadataDeliveryBody(change: MetadataChange, initiator: MetadataInitiator, context: Omit<DeliveryContext, 'version'>): string {
  return JSON.stringify({
    targetUrl: context.targetUrl,
    eventName: `metadata.${change.metadataName}.${change.type}`,
    workspaceId: context.workspaceId,
    webhookId: context.webhookId,
    eventDate: context.eventDate,
    ...('userId' in initiator ? { userId: initiator.userId } : { apiKeyId: initiator.apiKeyId }),
    event: { type: change.type, recordId: change.recordId, metadataName: change.metadataName, properties: change.properties },
  });
}

// v0.55 serialised NUMERIC columns (amountMicros) as strings in webhook records; 2.x's BigFloat
// gives numbers. Other values pass through in the store's key order.
function encodeRecord(record: FlatRecord, legacy: boolean): FlatRecord {
  const encoded: FlatRecord = {};
  for (const [key, value] of Object.entries(record)) {
    encoded[key] = isCurrency(value) ? { ...value, amountMicros: encodeMicros(value.amountMicros, legacy) } : jsonSafe(value);
  }
  return encoded;
}

type CurrencyLike = { amountMicros: unknown } & Record<string, unknown>;

function isCurrency(value: unknown): value is CurrencyLike {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'amountMicros' in value;
}

function encodeMicros(micros: unknown, legacy: boolean): unknown {
  if (micros === null || micros === undefined) return null;
  if (typeof micros !== 'bigint' && typeof micros !== 'number' && typeof micros !== 'string') return micros;
  return legacy ? String(micros) : Number(micros);
}

/** JSON.stringify throws on bigint; a stray one elsewhere in a record becomes a decimal string. */
function jsonSafe(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
