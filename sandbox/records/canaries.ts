// Privacy canaries: unique strings planted in every field a dashboard may be configured to hide
// (deal names, company names, people's names, emails and phones, workspace members' names and emails).
// Each carries one marker, so a test can search any page, stream or bundle for the marker alone
// and find a leak of any of them.
import { memberActor } from '@/sandbox/records/members';
import type { Actor, CompanyRow, OpportunityRow, PersonRow, WorkspaceMemberRow } from '@/sandbox/records/types';

/** Long and odd enough never to occur by chance in HTML, JSON or minified code. */
export const CANARY_MARKER = 'cnry7Qx';

export type CanaryKind = 'deal' | 'company' | 'first' | 'last' | 'email' | 'phone' | 'member';

export function canary(kind: CanaryKind, index: number): string {
  return `${CANARY_MARKER}${kind}${index.toString(36)}`;
}

type Seeded = { opportunities: OpportunityRow[]; companies: CompanyRow[]; people: PersonRow[]; workspaceMembers: WorkspaceMemberRow[] };

/** Rewrites seeded rows in place so every hideable field carries a canary. */
export function plantCanaries(data: Seeded): void {
  data.companies.forEach((company, i) => {
    company.name = `${company.name} ${canary('company', i)}`;
  });
  data.people.forEach((person, i) => {
    person.firstName = canary('first', i);
    person.lastName = canary('last', i);
    person.email = `${canary('email', i)}@example.test`;
    person.phone = `555${canary('phone', i)}`;
  });
  // Members' names, and every actor naming a member (createdBy, updatedBy), carry the same canaries.
  const members = new Map<string, Actor>();
  data.workspaceMembers.forEach((member, i) => {
    member.firstName = canary('member', 2 * i);
    member.lastName = canary('member', 2 * i + 1);
    member.userEmail = `${canary('member', 1_000 + i)}@example.test`;
    members.set(member.id, memberActor(member));
  });
  const memberActorOf = (actor: Actor): Actor => (actor.workspaceMemberId ? (members.get(actor.workspaceMemberId) ?? actor) : actor);
  data.opportunities.forEach((deal, i) => {
    deal.name = `${deal.name} ${canary('deal', i)}`;
    deal.createdBy = memberActorOf(deal.createdBy);
    deal.updatedBy = memberActorOf(deal.updatedBy);
  });
  for (const row of [...data.companies, ...data.people]) row.createdBy = memberActorOf(row.createdBy);
}
