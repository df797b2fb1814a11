// Compact in-memory rows: timestamps are epoch milliseconds and actors are shared objects, so a
// 100k-deal workspace stays small. GraphQL and webhook shapes are built from these on the way out.

export type Actor = {
  source: string;
  workspaceMemberId: string | null;
  name: string;
};

export type OpportunityRow = {
  id: string;
  name: string;
  amountMicros: number | null;
  /** Twenty stores "" when an amount was never set; null only on records written that way. */
  currencyCode: string | null;
  closeDate: number | null;
  stage: string;
  position: number;
  createdBy: Actor;
  /** Twenty 2.x: who last wrote the record (seeded as createdBy; v0.55 has no such field). */
  updatedBy: Actor;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  companyId: string | null;
  pointOfContactId: string | null;
  /** The owning workspace member (Twenty's `owner` relation); null for unowned deals. */
  ownerId: string | null;
};

export type CompanyRow = {
  id: string;
  name: string;
  domainUrl: string | null;
  employees: number | null;
  position: number;
  createdBy: Actor;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
};

export type PersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  city: string;
  companyId: string | null;
  position: number;
  createdBy: Actor;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
};

/** A CRM user of the workspace: the `owner` of deals and the author of user-made changes. */
export type WorkspaceMemberRow = {
  id: string;
  firstName: string;
  lastName: string;
  userEmail: string;
  /** The Twenty user behind the member: webhook deliveries of their changes carry it as `userId`. */
  userId: string;
  position: number;
  createdBy: Actor;
  updatedBy: Actor;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
};

export type AnyRow = { id: string; deletedAt: number | null };

/** A dashboard record (2.x core object `dashboard`): a title and the page layout it shows. */
export type DashboardRow = {
  id: string;
  title: string;
  position: number;
  pageLayoutId: string | null;
  createdBy: Actor;
  updatedBy: Actor;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
};
