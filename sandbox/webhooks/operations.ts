// Which webhooks an event reaches, following Twenty's compute-webhook-operations-to-match.util.ts
// for records and call-webhook-jobs-for-metadata.job.ts for metadata events.

/** Events Twenty only delivers to webhooks that name them exactly (wildcards would flood them). */
const EXACT_ONLY_EVENTS = new Set(['workflowRun.updated']);

export function operationsMatchingEvent(objectName: string, action: string): string[] {
  const eventName = `${objectName}.${action}`;
  if (EXACT_ONLY_EVENTS.has(eventName)) return [eventName];
  return [eventName, `*.${action}`, `${objectName}.*`, '*.*'];
}

export function targetWantsEvent(operations: readonly string[], objectName: string, action: string): boolean {
  const accepted = operationsMatchingEvent(objectName, action);
  return operations.some((operation) => accepted.includes(operation));
}

/** `metadata.<name>.<type>` reaches that exact operation, the metadata wildcards and `*.*`; never `opportunity.*`. */
export function operationsMatchingMetadataEvent(metadataName: string, type: string): string[] {
  return [`metadata.${metadataName}.${type}`, `metadata.${metadataName}.*`, `metadata.*.${type}`, 'metadata.*.*', '*.*'];
}

export function targetWantsMetadataEvent(operations: readonly string[], metadataName: string, type: string): boolean {
  const accepted = operationsMatchingMetadataEvent(metadataName, type);
  return operations.some((operation) => accepted.includes(operation));
}
