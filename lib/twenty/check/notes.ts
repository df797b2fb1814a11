import { isPrivateHost } from '@/lib/twenty/check/addresses';
import { row, type Row } from '@/lib/twenty/check/report';

// What the check cannot see but a working wall needs: a registered webhook that Twenty is
// allowed to deliver, and a key with a role. Reminders only; they never fail the check.

export const WEBHOOK_PATH = '/api/webhooks/twenty';

export type WebhookNoteInput = { publicBaseUrl: string | null; webhookSecretSet: boolean; webhookIdSet: boolean; showsCompanies: boolean };

export function webhookNotes({ publicBaseUrl, webhookSecretSet, webhookIdSet, showsCompanies }: WebhookNoteInput): Row[] {
  const target = `${publicBaseUrl ?? 'https://<your wall>'}${WEBHOOK_PATH}`;
  const host = publicBaseUrl ? new URL(publicBaseUrl).hostname : null;
  const privateTarget = host !== null && isPrivateHost(host);
  return [
    row('note', 'register', 'Twenty 2.x: Settings → APIs & Webhooks → Webhooks, or createWebhook(input: {targetUrl, operations, secret}) on /metadata; Twenty ≤ 0.5x: the same settings page'),
    row('note', 'target URL', target),
    row('note', 'operations', `opportunity.*${showsCompanies ? ' and company.* (a dashboard shows company names)' : ''}`),
    row(
      'note',
      'secret',
      `the webhook's secret = TWENTY_WEBHOOK_SECRET (${webhookSecretSet ? 'set' : 'not set'}); Twenty generates one when none is given: copy it from the answer or the settings page`,
    ),
    row(
      'note',
      'webhook id',
      webhookIdSet
        ? "TWENTY_WEBHOOK_ID is set: deliveries of any other webhook are refused (401), so it must be this webhook's id"
        : "optional: set TWENTY_WEBHOOK_ID to the webhook's id (its settings page, or `id` in createWebhook's answer) to refuse other webhooks signed with the same secret",
    ),
    row(
      privateTarget ? 'warn' : 'note',
      'safe mode',
      `${privateTarget ? `${host} is a loopback or private address: ` : ''}Twenty's OUTBOUND_HTTP_SAFE_MODE_ENABLED (on by default) silently drops webhooks to loopback and private addresses; a self-hosted Twenty that must reach a wall on a private network needs it set to false`,
    ),
  ];
}

export function keyNotes(): Row[] {
  return [
    row('note', 'API key role', "Twenty 2.x keys need a role (createApiKey requires roleId): read on Opportunities (and Companies for company names), no update or delete, 'can be assigned to API keys'"),
  ];
}
