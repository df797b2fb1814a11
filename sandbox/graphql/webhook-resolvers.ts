// Webhooks on /metadata, as Twenty 2.21 serves them: `webhooks`, `webhook(id)`,
// `createWebhook(input)`, `updateWebhook(input: {id, update})`, `deleteWebhook(id)`. The secret comes
// back in clear (real-2.21/webhook-create-*.json); a new webhook receives the next change.
import { z } from 'zod';
import { badUserInput } from '@/sandbox/graphql/errors';
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { WebhookEntry } from '@/sandbox/webhooks/registry';

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: { metadata: WorkspaceMetadata }) => unknown;

const createSchema = z.object({
  id: z.string().uuid().optional(),
  targetUrl: z.string(),
  operations: z.array(z.string()),
  description: z.string().nullish(),
  secret: z.string().nullish(),
});
const updateSchema = z.object({
  id: z.string(),
  update: z.object({ targetUrl: z.string().optional(), operations: z.array(z.string()).optional(), description: z.string().nullish(), secret: z.string().nullish() }),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badUserInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export function webhookNode(entry: WebhookEntry) {
  return {
    id: entry.id, targetUrl: entry.targetUrl, operations: [...entry.operations], description: entry.description,
    secret: entry.secret ?? '', applicationId: entry.applicationId, createdAt: entry.createdAt, updatedAt: entry.updatedAt, deletedAt: null,
  };
}

export const webhookQueryResolvers: Record<string, Resolver> = {
  webhooks: (_, __, ctx) => ctx.metadata.webhooks.list().map(webhookNode),
  webhook: (_, args, ctx) => {
    const entry = ctx.metadata.webhooks.get(String(args.id));
    return entry ? webhookNode(entry) : null;
  },
};

export const webhookMutationResolvers: Record<string, Resolver> = {
  createWebhook: (_, args, ctx) => webhookNode(ctx.metadata.webhooks.create(parse(createSchema, args.input))),
  updateWebhook: (_, args, ctx) => {
    const { id, update } = parse(updateSchema, args.input);
    return webhookNode(ctx.metadata.webhooks.update(id, update));
  },
  deleteWebhook: (_, args, ctx) => webhookNode(ctx.metadata.webhooks.delete(String(args.id))),
};
