// The workspace's webhooks: the ones given on the command line and the ones made through
// `/metadata` (createWebhook), with Twenty 2.21's rules: a webhook made without a secret gets a
// generated one (64 lowercase hex, real-2.21/webhook-create-nosecret.json), the target URL is
// normalised with `new URL()`, and creating one announces nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { badUserInput, TwentyError } from '@/sandbox/graphql/errors';

export type WebhookEntry = {
  id: string;
  targetUrl: string;
  operations: string[];
  description: string | null;
  /** null only for a v0.55 webhook registered without one (its deliveries are unsigned). */
  secret: string | null;
  applicationId: string;
  createdAt: string;
  updatedAt: string;
};

export type WebhookInput = { id?: string; targetUrl: string; operations: string[]; description?: string | null; secret?: string | null };

export const generateWebhookSecret = () => randomBytes(32).toString('hex');

function normalisedUrl(targetUrl: string): string {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    throw badUserInput(`Invalid target URL: ${targetUrl}`);
  }
  // Not captured: the sandbox can only deliver over HTTP(S).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUserInput(`Invalid target URL: ${targetUrl}`);
  return url.toString();
}

export class WebhookRegistry {
  private readonly entries = new Map<string, WebhookEntry>();

  constructor(
    private readonly applicationId: string,
    /** v0.55 kept a missing secret missing; 2.x always generates one. */
    private readonly generatesSecrets: boolean,
  ) {}

  list(): WebhookEntry[] {
    return [...this.entries.values()];
  }

  get(id: string): WebhookEntry | undefined {
    return this.entries.get(id);
  }

  create(input: WebhookInput, now = new Date()): WebhookEntry {
    const id = input.id ?? randomUUID();
    if (this.entries.has(id)) throw badUserInput(`A webhook with id ${id} already exists`);
    if (input.operations.length === 0) throw badUserInput('A webhook needs at least one operation');
    const secret = input.secret ? input.secret : this.generatesSecrets ? generateWebhookSecret() : null;
    const at = now.toISOString();
    const entry: WebhookEntry = {
      id, targetUrl: normalisedUrl(input.targetUrl), operations: [...input.operations], description: input.description ?? null,
      secret, applicationId: this.applicationId, createdAt: at, updatedAt: at,
    };
    this.entries.set(id, entry);
    return entry;
  }

  update(id: string, update: Partial<Omit<WebhookInput, 'id'>>, now = new Date()): WebhookEntry {
    const entry = this.require(id);
    if (update.targetUrl !== undefined) entry.targetUrl = normalisedUrl(update.targetUrl);
    if (update.operations !== undefined) entry.operations = [...update.operations];
    if (update.description !== undefined) entry.description = update.description;
    if (update.secret) entry.secret = update.secret;
    entry.updatedAt = now.toISOString();
    return entry;
  }

  delete(id: string): WebhookEntry {
    const entry = this.require(id);
    this.entries.delete(id);
    return entry;
  }

  private require(id: string): WebhookEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new TwentyError('Webhook not found', 'NOT_FOUND');
    return entry;
  }
}
