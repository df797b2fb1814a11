// Said once at startup, so an operator who forgot the secret learns why the wall is not live.

export type SetupLog = (fields: Record<string, unknown>) => void;

let reported = false;

/** Logs (once per process) that deliveries are refused when no webhook secret is configured. */
export function reportWebhookSetup(secret: string | undefined, reconcileIntervalMs: number, log: SetupLog): boolean {
  if (secret || reported) return false;
  reported = true;
  log({
    msg: 'TWENTY_WEBHOOK_SECRET is not set: every webhook delivery is refused (503), so changes in Twenty appear only at the next reconciliation',
    reconcileIntervalMs,
    fix: 'set TWENTY_WEBHOOK_SECRET to the secret of the Twenty webhook that posts to /api/webhooks/twenty',
  });
  return true;
}
