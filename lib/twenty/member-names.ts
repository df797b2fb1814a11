import { z } from 'zod';
import { isTwentyError } from '@/lib/twenty/errors';
import { pageInfoSchema } from '@/lib/twenty/records';
import type { Log, Transport } from '@/lib/twenty/transport';

// Owners' display names from Twenty's workspaceMembers, which the read-only key can read (real
// 2.21 capture q5-workspaceMembers-readonly-key). Only the members who own deals are read, by
// id, and kept like stage options: re-read after the TTL (a rename sends no opportunity webhook)
// or when an owner appears whose name is not kept yet.

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

export function createMemberNames(transport: Transport, ttlMs: number, log: Log): MemberNames {
  // `asked`: ids the last read asked for, so a member Twenty no longer has is not re-read every refresh.
  let kept: { at: number; names: Map<string, string>; asked: Set<string> } | null = null;
  return {
    async namesOf(ids, pageSize) {
      if (ids.length === 0) return {};
      const fresh = kept !== null && Date.now() - kept.at < ttlMs;
      let names = kept?.names ?? new Map<string, string>();
      if (!fresh || !ids.every((id) => kept?.asked.has(id))) {
        try {
          names = await readNames(transport, ids, pageSize);
        } catch (err) {
          // A key that may not read members still shows the leaderboard, with "Unknown member".
          if (!isTwentyError(err) || err.kind !== 'rejected') throw err;
          log({ level: 'warn', event: 'twenty.member_names_unreadable', message: err.message });
          names = new Map();
        }
        kept = { at: Date.now(), names, asked: new Set(ids) };
      }
      return Object.fromEntries(ids.flatMap((id) => { const name = names.get(id); return name === undefined ? [] : [[id, name]]; }));
    },
  };
}
