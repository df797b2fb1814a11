// Rows as GraphQL nodes: the shapes Twenty returns (ISO dates, composite objects, BigFloat numbers).
import { iso, searchVectorOf } from '@/sandbox/records/flat-record';
import type { Actor, CompanyRow, DashboardRow, OpportunityRow, PersonRow, WorkspaceMemberRow } from '@/sandbox/records/types';

const actorNode = (actor: Actor) => ({ ...actor, context: {} });

export type OpportunityNode = ReturnType<typeof opportunityNode>;
export type CompanyNode = ReturnType<typeof companyNode>;
export type PersonNode = ReturnType<typeof personNode>;

// Nodes carry every field of both versions; each schema picks the ones it has (2.21 adds
// updatedBy, ownerId/owner, accountOwnerId).

export function opportunityNode(row: OpportunityRow) {
  return {
    id: row.id,
    name: row.name,
    amount: { amountMicros: row.amountMicros, currencyCode: row.currencyCode },
    closeDate: iso(row.closeDate),
    stage: row.stage,
    position: row.position,
    createdBy: actorNode(row.createdBy),
    updatedBy: actorNode(row.updatedBy),
    // Getters: most queries never ask for these, and they cost more than the rest of the node.
    get searchVector() {
      return searchVectorOf(row.name);
    },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
    companyId: row.companyId,
    pointOfContactId: row.pointOfContactId,
    ownerId: row.ownerId,
  };
}

export function companyNode(row: CompanyRow) {
  return {
    id: row.id,
    name: row.name,
    domainName: { primaryLinkUrl: row.domainUrl ?? '', primaryLinkLabel: '', secondaryLinks: null },
    employees: row.employees,
    position: row.position,
    createdBy: actorNode(row.createdBy),
    updatedBy: actorNode(row.createdBy),
    accountOwnerId: null,
    get searchVector() {
      return searchVectorOf(row.name);
    },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
  };
}

export function personNode(row: PersonRow) {
  return {
    id: row.id,
    name: { firstName: row.firstName, lastName: row.lastName },
    emails: { primaryEmail: row.email, additionalEmails: null },
    phones: { primaryPhoneNumber: row.phone, primaryPhoneCountryCode: 'US', primaryPhoneCallingCode: '+1', additionalPhones: null },
    jobTitle: row.jobTitle,
    city: row.city,
    position: row.position,
    createdBy: actorNode(row.createdBy),
    updatedBy: actorNode(row.createdBy),
    get searchVector() {
      return searchVectorOf(`${row.firstName} ${row.lastName}`);
    },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
    companyId: row.companyId,
  };
}

export function workspaceMemberNode(row: WorkspaceMemberRow) {
  return {
    id: row.id,
    name: { firstName: row.firstName, lastName: row.lastName },
    userEmail: row.userEmail,
    userId: row.userId,
    position: row.position,
    createdBy: actorNode(row.createdBy),
    updatedBy: actorNode(row.updatedBy),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    deletedAt: iso(row.deletedAt),
  };
}

export function dashboardNode(row: DashboardRow) {
  return {
    id: row.id, title: row.title, position: row.position, pageLayoutId: row.pageLayoutId,
    createdBy: actorNode(row.createdBy), updatedBy: actorNode(row.updatedBy),
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), deletedAt: iso(row.deletedAt),
  };
}
