// Which webhook targets an event reaches, following Twenty's
// compute-webhook-operations-to-match.util.ts.

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
