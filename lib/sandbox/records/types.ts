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
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  companyId: string | null;
  pointOfContactId: string | null;
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

export type AnyRow = { id: string; deletedAt: number | null };
