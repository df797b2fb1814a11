// /metadata: objects and fields in Twenty's nestjs-query shapes (CursorPaging, "arrayconnection:N"
// cursors), updateOneField to edit the stage options, and (2.21) revokeApiKey, webhooks and views.
import { buildClientSchema, defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import metadata055 from '@/sandbox/schema/metadata-introspection-0.55.json';
import metadata221 from '@/sandbox/schema/metadata-introspection-2.21.json';
import { chartQueryResolvers } from '@/sandbox/graphql/chart-resolvers';
import { TwentyError } from '@/sandbox/graphql/errors';
import { layoutMutationResolvers, layoutQueryResolvers } from '@/sandbox/graphql/layout-resolvers';
import { viewMutationResolvers, viewQueryResolvers } from '@/sandbox/graphql/view-resolvers';
import { webhookMutationResolvers, webhookQueryResolvers } from '@/sandbox/graphql/webhook-resolvers';
import type { Credentials, Principal } from '@/sandbox/http/auth';
import type { FieldMeta, ObjectMeta, WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { TwentyVersion } from '@/sandbox/options';
import { isRecord } from '@/sandbox/query/filter';
import type { LayoutStore } from '@/sandbox/layouts/store';
import type { ViewStore } from '@/sandbox/views/store';
import type { Workspace } from '@/sandbox/workspace';

const build = (introspection: unknown) => buildClientSchema(introspection as IntrospectionQuery, { assumeValid: true });
const SCHEMAS: Record<TwentyVersion, GraphQLSchema> = { '2.21': build(metadata221), '0.55': build(metadata055) };
export const metadataSchema = (version: TwentyVersion): GraphQLSchema => SCHEMAS[version];

export type MetadataContext = {
  metadata: WorkspaceMetadata;
  credentials: Credentials;
  views: ViewStore;
  /** 2.21's page layouts; chart data reads the workspace's records. */
  layouts: LayoutStore;
  workspace: Workspace;
  principal: Principal | null;
  /** Chart data takes a token of the workspace's rate limit (API keys); throws the refusal. */
  spendToken: () => void;
};
/** 2.21 metadata records belong to an application; the demo workspace has one. */
const APPLICATION_ID = '20202020-0b5c-4178-bed7-2a8a4d2c0a01';
type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: MetadataContext) => unknown;

function objectNode(o: ObjectMeta) {
  return {
    id: o.id, dataSourceId: o.dataSourceId, nameSingular: o.nameSingular, namePlural: o.namePlural,
    labelSingular: o.labelSingular, labelPlural: o.labelPlural, description: null, icon: o.icon, shortcut: null,
    isCustom: false, isRemote: false, isActive: true, isSystem: false, isSearchable: true,
    createdAt: o.createdAt, updatedAt: o.updatedAt,
    labelIdentifierFieldMetadataId: o.fields.find((f) => f.name === 'name')?.id ?? null,
    imageIdentifierFieldMetadataId: null, isLabelSyncedWithName: false,
    universalIdentifier: o.id, color: null, isUIEditable: true, isUICreatable: true, isUIReadOnly: false, applicationId: APPLICATION_ID,
  };
}

function fieldNode(f: FieldMeta) {
  return {
    id: f.id, type: f.type, name: f.name, label: f.label, description: f.description, icon: f.icon,
    isCustom: f.isCustom, isActive: f.isActive, isSystem: f.isSystem, isNullable: f.isNullable, isUnique: f.isUnique,
    defaultValue: f.defaultValue, options: f.options ? f.options.map((o) => ({ ...o })) : null, settings: f.settings,
    isLabelSyncedWithName: false, createdAt: f.createdAt, updatedAt: f.updatedAt, objectId: f.objectId,
    universalIdentifier: f.id, isUIEditable: !f.isSystem, isUIReadOnly: false, objectMetadataId: f.objectId, applicationId: APPLICATION_ID,
  };
}

/** nestjs-query comparison filters: is / isNot / eq / neq / in / notIn, combined with and / or. */
function matches(item: Record<string, unknown>, filter: unknown): boolean {
  if (!isRecord(filter)) return true;
  return Object.entries(filter).every(([key, cond]) => {
    if (key === 'and' && Array.isArray(cond)) return cond.every((f) => matches(item, f));
    if (key === 'or' && Array.isArray(cond)) return cond.length === 0 || cond.some((f) => matches(item, f));
    if (!isRecord(cond)) return true;
    const v = item[key];
    return Object.entries(cond).every(([op, arg]) => {
      if (op === 'is' || op === 'eq') return v === arg;
      if (op === 'isNot' || op === 'neq') return v !== arg;
      if (op === 'in') return Array.isArray(arg) && arg.includes(v);
      if (op === 'notIn') return Array.isArray(arg) && !arg.includes(v);
      return true;
    });
  });
}

const cursorOf = (i: number) => Buffer.from(`arrayconnection:${i}`).toString('base64');
const offsetOf = (cursor: unknown) => Number(Buffer.from(String(cursor), 'base64').toString('utf8').split(':')[1]);

function page<T extends Record<string, unknown>>(items: T[], paging: unknown, filter: unknown) {
  const all = items.filter((i) => matches(i, filter));
  const p = isRecord(paging) ? paging : {};
  const start = p.after !== undefined && p.after !== null ? offsetOf(p.after) + 1 : 0;
  const end = p.before !== undefined && p.before !== null ? offsetOf(p.before) : all.length;
  let from = Math.max(0, start);
  let to = Math.min(all.length, end);
  if (typeof p.first === 'number') to = Math.min(to, from + p.first);
  else if (typeof p.last === 'number') from = Math.max(from, to - p.last);
  const edges = all.slice(from, to).map((node, i) => ({ node, cursor: cursorOf(from + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: to < all.length, hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

const findObject = (ctx: MetadataContext, id: unknown) => {
  const found = ctx.metadata.objects.find((o) => o.id === id);
  if (!found) throw new TwentyError('Object does not exist', 'NOT_FOUND');
  return found;
};
const findField = (ctx: MetadataContext, id: unknown) => {
  const found = ctx.metadata.allFields().find((f) => f.id === id);
  if (!found) throw new TwentyError('Field does not exist', 'NOT_FOUND');
  return found;
};

const RESOLVERS: Record<string, Record<string, Resolver>> = {
  Query: {
    objects: (_, args, ctx) => page(ctx.metadata.objects.map(objectNode), args.paging, args.filter),
    object: (_, args, ctx) => objectNode(findObject(ctx, args.id)),
    fields: (_, args, ctx) => page(ctx.metadata.allFields().map(fieldNode), args.paging, args.filter),
    field: (_, args, ctx) => fieldNode(findField(ctx, args.id)),
    ...webhookQueryResolvers,
    ...viewQueryResolvers,
    ...layoutQueryResolvers,
    ...chartQueryResolvers,
    currentWorkspace: (_, __, ctx) => ({ id: ctx.metadata.workspaceId, displayName: 'Demo workspace', createdAt: ctx.metadata.object('opportunity').createdAt, updatedAt: ctx.metadata.object('opportunity').updatedAt }),
  },
  Mutation: {
    ...webhookMutationResolvers,
    ...viewMutationResolvers,
    ...layoutMutationResolvers,
    updateOneField: (_, args, ctx) => {
      const input = isRecord(args.input) ? args.input : {};
      return fieldNode(ctx.metadata.updateField(String(input.id), input.update));
    },
    revokeApiKey: (_, args, ctx) => {
      const input = isRecord(args.input) ? args.input : {};
      const revoked = ctx.credentials.revoke(String(input.id));
      if (!revoked) throw new TwentyError('API key not found', 'NOT_FOUND');
      return { id: revoked.id, name: revoked.name, expiresAt: revoked.expiresAt, revokedAt: revoked.revokedAt, createdAt: revoked.createdAt, updatedAt: revoked.revokedAt };
    },
  },
  Object: {
    fields: (source, args, ctx) => page(findObject(ctx, (source as { id: string }).id).fields.map(fieldNode), args.paging, args.filter),
    fieldsList: (source, _, ctx) => findObject(ctx, (source as { id: string }).id).fields.map(fieldNode),
  },
  Field: {
    object: (source, _, ctx) => objectNode(findObject(ctx, (source as { objectId: string }).objectId)),
  },
};

export const metadataFieldResolver: GraphQLFieldResolver<unknown, MetadataContext> = (source, args, ctx, info) => {
  const resolver = RESOLVERS[info.parentType.name]?.[info.fieldName];
  return resolver ? resolver(source, args, ctx) : defaultFieldResolver(source, args, ctx, info);
};
