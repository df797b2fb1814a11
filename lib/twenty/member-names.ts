import { z } from 'zod';
import { isTwentyError } from '@/lib/twenty/errors';
import { pageInfoSchema } from '@/lib/twenty/records';
import type { Log, Transport } from '@/lib/twenty/transport';

// Owners' display names from Twenty's workspaceMembers, which the read-only key can read (real
// 2.21 capture q5-workspaceMembers-readonly-key). Only the members who own deals are read, by
// id, and kept like stage options: re-read after the TTL (a rename sends no opportunity webhook),
// and an owner whose name is not kept yet is read alone.

export const MEMBER_NAMES_DOCUMENT = `query MemberNames($filter: WorkspaceMemberFilterInput, $first: Int, $after: String) {
  workspaceMembers(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name { firstName lastName } } }
  }
}`;

const membersSchema = z.object({
  workspaceMembers: z.object({
    pageInfo: pageInfoSchema,
    edges: z.array(
      z.object({
        node: z.object({ id: z.string().min(1), name: z.object({ firstName: z.string().nullish(), lastName: z.string().nullish() }).nullish() }),
      }),
    ),
  }),
});

/** "First Last", as Twenty shows a member; empty parts left out. */
export function displayName(name: { firstName?: string | null; lastName?: string | null } | null | undefined): string {
  return [name?.firstName ?? '', name?.lastName ?? ''].map((part) => part.trim()).filter(Boolean).join(' ');
}

async function readNames(transport: Transport, ids: readonly string[], pageSize: number): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let after: string | null = null;
  // At most one page per pageSize ids: never more pages than the ids can fill.
  for (let page = 0; page <= Math.ceil(ids.length / pageSize); page++) {
    const data: z.infer<typeof membersSchema> = await transport.runQuery({
      document: MEMBER_NAMES_DOCUMENT,
      variables: { filter: { id: { in: [...ids] } }, first: pageSize, after },
      schema: membersSchema,
    });
    for (const { node } of data.workspaceMembers.edges) names.set(node.id, displayName(node.name));
    const { hasNextPage, endCursor } = data.workspaceMembers.pageInfo;
    if (!hasNextPage || !endCursor || endCursor === after) break;
    after = endCursor;
  }
  return names;
}

export type MemberNames = { namesOf(ids: readonly string[], pageSize: number): Promise<Record<string, string>> };

type Kept = {
  at: number;
  names: Map<string, string>;
  /** Ids read since `at`, found or not: a member Twenty no longer has is not re-read every refresh. */
  read: Set<string>;
  /** Ids any dashboard asked for since `at`: read together when the names expire. */
  wanted: Set<string>;
};

/**
 * One cache for every dashboard of the client. While fresh, only ids no read asked for yet are
 * read (one read for them); when stale, one read takes every id a dashboard asked for during the
 * last interval, so dashboards with different owners cost one read per interval between them.
 */
export function createMemberNames(transport: Transport, ttlMs: number, log: Log, clock: () => number = Date.now): MemberNames {
  let kept: Kept | null = null;

  async function read(ids: readonly string[], pageSize: number): Promise<Map<string, string>> {
    try {
      return await readNames(transport, ids, pageSize);
    } catch (err) {
      // A key that may not read members still shows the leaderboard, with "Unknown member".
      if (!isTwentyError(err) || err.kind !== 'rejected') throw err;
      log({ level: 'warn', event: 'twenty.member_names_unreadable', message: err.message });
      return new Map();
    }
  }

  return {
    async namesOf(ids, pageSize) {
      if (ids.length === 0) return {};
      let current = kept;
      if (current === null || clock() - current.at >= ttlMs) {
        const all = [...new Set([...(current?.wanted ?? []), ...ids])];
        const at = clock();
        current = { at, names: await read(all, pageSize), read: new Set(all), wanted: new Set(ids) };
        kept = current;
      } else {
        const missing = ids.filter((id) => !current?.read.has(id));
        for (const id of ids) current.wanted.add(id);
        if (missing.length > 0) {
          const more = await read(missing, pageSize);
          for (const id of missing) current.read.add(id);
          for (const [id, name] of more) current.names.set(id, name);
        }
      }
      const names = current.names;
      return Object.fromEntries(ids.flatMap((id) => { const name = names.get(id); return name === undefined ? [] : [[id, name]]; }));
    },
  };
}
