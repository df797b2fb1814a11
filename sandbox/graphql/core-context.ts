// What a /graphql resolver knows about its request: the workspace, who is asking, what the rate
// limiter and 2.21's preflight already refused, and the version's query rules derived from them.
import type { GraphQLSchema } from 'graphql';
import { buildExecutionSchema } from '@/sandbox/graphql/core-schema';
import { TwentyError } from '@/sandbox/graphql/errors';
import type { Principal } from '@/sandbox/http/auth';
import type { QueryEnv } from '@/sandbox/query/filter';
import type { PagePolicy } from '@/sandbox/query/find-many';
import { relationOf, type Relations } from '@/sandbox/query/relations';
import type { FieldRefusal } from '@/sandbox/rate-limit';
import { companySpec, personSpec, workspaceMemberSpec } from '@/sandbox/records/object-specs';
import type { Actor, OpportunityRow } from '@/sandbox/records/types';
import type { Workspace } from '@/sandbox/workspace';

export type CoreContext = {
  workspace: Workspace;
  /** Who the writes are attributed to (Twenty's createdBy/updatedBy). */
  actor: Actor;
  /** The credential behind the request; null for the sandbox's own simulated user. */
  principal: Principal | null;
  /** Root fields (by response key) the rate limiter refused; each resolves to null with its error. */
  refused: FieldRefusal | null;
  /** 2.21: root fields refused before running (directive variables, arguments, permissions). */
  preflight: ReadonlyMap<string, Error>;
};

/** Page sizes: v0.55 pages 60 by default, 2.21 200; neither caps `first` (captured). */
const PAGE_POLICIES = { '2.21': { defaultSize: 200, maxSize: null }, '0.55': { defaultSize: 60, maxSize: null } } as const;
/** Relation lists inside a record (company.opportunities) hold at most 60. */
export const NESTED_POLICY: PagePolicy = { defaultSize: 60, maxSize: 60 };
/** Records inside each group of a groupBy: ten, `hasNextPage` always false (captured). */
export const GROUP_RECORDS = 10;

export const pagePolicy = (ctx: CoreContext): PagePolicy => PAGE_POLICIES[ctx.workspace.version];
export const isStrict = (ctx: CoreContext) => ctx.workspace.version === '2.21';

/** Postgres' schema of the workspace, as Twenty names it: `workspace_` + the id in base 36. */
export function workspaceSchemaName(workspaceId: string): string {
  return `workspace_${BigInt(`0x${workspaceId.replace(/-/g, '')}`).toString(36)}`;
}

const envs = new WeakMap<Workspace, QueryEnv>();

export function queryEnv(ctx: Pick<CoreContext, 'workspace'>): QueryEnv {
  const { workspace } = ctx;
  let env = envs.get(workspace);
  if (!env) {
    const strict = workspace.version === '2.21';
    const schema = workspaceSchemaName(workspace.metadata.workspaceId);
    env = {
      rank: workspace.env.rank,
      strict,
      checkOption: strict
        ? (objectName, field, value) => {
            if (field !== 'stage' || workspace.metadata.stageOptions().some((o) => o.value === value)) return;
            throw new TwentyError(`invalid input value for enum ${schema}.${objectName}_${field}_enum: "${value}"`, 'BAD_USER_INPUT', { userFriendlyMessage: 'Invalid input provided.' });
          }
        : undefined,
    };
    envs.set(workspace, env);
  }
  return env;
}

/** The relations an opportunity can be grouped through, as the caller's role may read them. */
export function opportunityRelations(ctx: Pick<CoreContext, 'workspace' | 'principal'>): Relations<OpportunityRow> {
  const { store } = ctx.workspace;
  const live = <T extends { deletedAt: number | null }>(row: T | undefined) => (row && row.deletedAt === null ? row : undefined);
  return {
    company: relationOf({ objectName: 'company', spec: companySpec, related: (r: OpportunityRow) => live(r.companyId ? store.companies.get(r.companyId) : undefined), relationNames: ['accountOwner', 'people', 'opportunities'] }),
    pointOfContact: relationOf({
      objectName: 'person', spec: personSpec, related: (r: OpportunityRow) => live(r.pointOfContactId ? store.people.get(r.pointOfContactId) : undefined),
      relationNames: ['company'], readable: ctx.principal?.readOnly !== true,
    }),
    owner: relationOf({ objectName: 'workspaceMember', spec: workspaceMemberSpec, related: (r: OpportunityRow) => live(r.ownerId ? store.workspaceMembers.get(r.ownerId) : undefined), relationNames: ['accountOwnerForCompanies', 'ownedOpportunities'] }),
  };
}

/** Object types the caller's role cannot read: the README's read-only role has no people. */
export function forbiddenTypes(principal: Principal | null): ReadonlySet<string> {
  return principal?.readOnly ? new Set(['Person', 'PersonConnection', 'PersonGroupByConnection']) : new Set();
}

const executionSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** 2.21's pass-through execution schema, rebuilt whenever the workspace rebuilds its public one. */
export function executionSchemaOf(workspace: Workspace): GraphQLSchema {
  const publicSchema = workspace.coreSchema();
  let schema = executionSchemas.get(publicSchema);
  if (!schema) {
    schema = buildExecutionSchema(workspace.metadata.stageOptions().map((o) => o.value));
    executionSchemas.set(publicSchema, schema);
  }
  return schema;
}
