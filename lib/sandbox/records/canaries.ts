// Privacy canaries: unique strings planted in every field a dashboard may be configured to hide
// (deal names, company names, people's names, emails and phones, workspace members' names).
// Each carries one marker, so a test can search any page, stream or bundle for the marker alone
// and find a leak of any of them.
import type { Actor, CompanyRow, OpportunityRow, PersonRow } from '@/lib/sandbox/records/types';

/** Long and odd enough never to occur by chance in HTML, JSON or minified code. */
export const CANARY_MARKER = 'cnry7Qx';

export type CanaryKind = 'deal' | 'company' | 'first' | 'last' | 'email' | 'phone' | 'member';

export function canary(kind: CanaryKind, index: number): string {
  return `${CANARY_MARKER}${kind}${index.toString(36)}`;
}

type Seeded = { opportunities: OpportunityRow[]; companies: CompanyRow[]; people: PersonRow[] };

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
  const members = new Map<string, Actor>();
  const memberActor = (actor: Actor): Actor => {
    if (!actor.workspaceMemberId) return actor;
    let planted = members.get(actor.workspaceMemberId);
    if (!planted) {
      planted = { ...actor, name: canary('member', members.size) };
      members.set(actor.workspaceMemberId, planted);
    }
    return planted;
  };
  data.opportunities.forEach((deal, i) => {
    deal.name = `${deal.name} ${canary('deal', i)}`;
    deal.createdBy = memberActor(deal.createdBy);
  });
  for (const row of [...data.companies, ...data.people]) row.createdBy = memberActor(row.createdBy);
}
