// The workspace's members (CRM users) and the actors their writes carry. A change is a *user*
// change when its actor is a member (source MANUAL with a workspaceMemberId): Twenty then adds the
// user's `userId` and `workspaceMemberId` to each webhook delivery; API-key changes carry neither.
import { MEMBERS } from '@/sandbox/records/seed-names';
import type { Actor, WorkspaceMemberRow } from '@/sandbox/records/types';

const DAY_MS = 86_400_000;
/** Twenty's workspace-member rows are made by the system when a user joins. */
const SYSTEM_ACTOR: Actor = { source: 'SYSTEM', workspaceMemberId: null, name: 'System' };

export function seedMembers(anchorMs: number): WorkspaceMemberRow[] {
  return MEMBERS.map((m, i) => {
    const joined = anchorMs - (1_000 - i * 30) * DAY_MS;
    return {
      id: m.id, firstName: m.firstName, lastName: m.lastName, userId: m.userId,
      userEmail: `${m.firstName}.${m.lastName}@demo.example`.toLowerCase(),
      position: i, createdBy: SYSTEM_ACTOR, updatedBy: SYSTEM_ACTOR, createdAt: joined, updatedAt: joined, deletedAt: null,
    };
  });
}

/** The actor of a member's own writes, as Twenty builds it from the member's name. */
export function memberActor(member: Pick<WorkspaceMemberRow, 'id' | 'firstName' | 'lastName'>): Actor {
  return { source: 'MANUAL', workspaceMemberId: member.id, name: `${member.firstName} ${member.lastName}`.trim() };
}

export type UserRef = { userId: string; workspaceMemberId: string };

/** The user behind an actor, or null for API keys, imports and the system. */
export function userOf(actor: Actor, members: { get(id: string): WorkspaceMemberRow | undefined }): UserRef | null {
  if (actor.source !== 'MANUAL' || !actor.workspaceMemberId) return null;
  const member = members.get(actor.workspaceMemberId);
  return member ? { userId: member.userId, workspaceMemberId: member.id } : null;
}
