// How each stored object looks to Twenty's query language: field kinds and accessors, shared by
// filters, ordering, cursors, aggregates and groupBy so they all agree on one reading of a row.
import type { Actor, CompanyRow, DashboardRow, OpportunityRow, PersonRow, WorkspaceMemberRow } from '@/sandbox/records/types';

/** `numeric` is Postgres NUMERIC (BigFloat): a number in GraphQL, a string in cursors. */
export type ScalarKind = 'text' | 'uuid' | 'date' | 'number' | 'numeric' | 'select' | 'tsvector' | 'json';

export type ScalarField<Row> = { kind: ScalarKind; get: (row: Row) => string | number | null };
export type CompositeField<Row> = {
  kind: 'composite';
  sub: Record<string, ScalarField<Row>>;
  isEmpty: (row: Row) => boolean;
};
export type FieldSpec<Row> = ScalarField<Row> | CompositeField<Row>;

export type ObjectSpec<Row> = {
  nameSingular: string;
  namePlural: string;
  fields: Record<string, FieldSpec<Row>>;
  /** Relation names accepted in filters and orderBy in place of their join column. */
  joinColumns: Record<string, string>;
};

function actorField<Row>(of: (row: Row) => Actor): CompositeField<Row> {
  return {
    kind: 'composite',
    sub: {
      source: { kind: 'text', get: (r) => of(r).source },
      workspaceMemberId: { kind: 'uuid', get: (r) => of(r).workspaceMemberId },
      name: { kind: 'text', get: (r) => of(r).name },
      context: { kind: 'json', get: () => null },
    },
    isEmpty: (r) => of(r).name === '',
  };
}

function systemFields<Row extends CompanyRow | OpportunityRow | PersonRow>(): Record<string, FieldSpec<Row>> {
  return {
    position: { kind: 'number', get: (r) => r.position },
    createdBy: actorField<Row>((r) => r.createdBy),
    searchVector: { kind: 'tsvector', get: (r) => ('firstName' in r ? `${r.firstName} ${r.lastName}` : r.name) },
    id: { kind: 'uuid', get: (r) => r.id },
    createdAt: { kind: 'date', get: (r) => r.createdAt },
    updatedAt: { kind: 'date', get: (r) => r.updatedAt },
    deletedAt: { kind: 'date', get: (r) => r.deletedAt },
  };
}

export const opportunitySpec: ObjectSpec<OpportunityRow> = {
  nameSingular: 'opportunity',
  namePlural: 'opportunities',
  fields: {
    name: { kind: 'text', get: (r) => r.name },
    amount: {
      kind: 'composite',
      sub: {
        amountMicros: { kind: 'numeric', get: (r) => r.amountMicros },
        currencyCode: { kind: 'text', get: (r) => r.currencyCode },
      },
      isEmpty: (r) => r.amountMicros === null,
    },
    closeDate: { kind: 'date', get: (r) => r.closeDate },
    stage: { kind: 'select', get: (r) => r.stage },
    ...systemFields<OpportunityRow>(),
    updatedBy: actorField<OpportunityRow>((r) => r.updatedBy),
    pointOfContactId: { kind: 'uuid', get: (r) => r.pointOfContactId },
    companyId: { kind: 'uuid', get: (r) => r.companyId },
    ownerId: { kind: 'uuid', get: (r) => r.ownerId },
  },
  joinColumns: { company: 'companyId', pointOfContact: 'pointOfContactId', owner: 'ownerId' },
};

export const companySpec: ObjectSpec<CompanyRow> = {
  nameSingular: 'company',
  namePlural: 'companies',
  fields: {
    name: { kind: 'text', get: (r) => r.name },
    domainName: {
      kind: 'composite',
      sub: {
        primaryLinkUrl: { kind: 'text', get: (r) => r.domainUrl },
        primaryLinkLabel: { kind: 'text', get: () => '' },
        secondaryLinks: { kind: 'json', get: () => null },
      },
      isEmpty: (r) => !r.domainUrl,
    },
    employees: { kind: 'number', get: (r) => r.employees },
    ...systemFields<CompanyRow>(),
  },
  joinColumns: {},
};

const text = <Row>(get: (row: Row) => string | null) => ({ kind: 'text' as const, get });

export const personSpec: ObjectSpec<PersonRow> = {
  nameSingular: 'person',
  namePlural: 'people',
  fields: {
    name: { kind: 'composite', sub: { firstName: text((r) => r.firstName), lastName: text((r) => r.lastName) }, isEmpty: (r) => !r.firstName && !r.lastName },
    emails: { kind: 'composite', sub: { primaryEmail: text((r) => r.email), additionalEmails: { kind: 'json', get: () => null } }, isEmpty: (r) => !r.email },
    phones: {
      kind: 'composite',
      sub: {
        primaryPhoneNumber: text((r) => r.phone),
        primaryPhoneCountryCode: text(() => 'US'),
        primaryPhoneCallingCode: text(() => '+1'),
        additionalPhones: { kind: 'json', get: () => null },
      },
      isEmpty: (r) => !r.phone,
    },
    jobTitle: text((r) => r.jobTitle),
    city: text((r) => r.city),
    ...systemFields<PersonRow>(),
    companyId: { kind: 'uuid', get: (r) => r.companyId },
  },
  joinColumns: { company: 'companyId' },
};

export const workspaceMemberSpec: ObjectSpec<WorkspaceMemberRow> = {
  nameSingular: 'workspaceMember',
  namePlural: 'workspaceMembers',
  fields: {
    name: { kind: 'composite', sub: { firstName: text((r) => r.firstName), lastName: text((r) => r.lastName) }, isEmpty: (r) => !r.firstName && !r.lastName },
    userEmail: text((r) => r.userEmail),
    userId: { kind: 'uuid', get: (r) => r.userId },
    position: { kind: 'number', get: (r) => r.position },
    createdBy: actorField<WorkspaceMemberRow>((r) => r.createdBy),
    updatedBy: actorField<WorkspaceMemberRow>((r) => r.updatedBy),
    searchVector: { kind: 'tsvector', get: (r) => `${r.firstName} ${r.lastName}` },
    id: { kind: 'uuid', get: (r) => r.id },
    createdAt: { kind: 'date', get: (r) => r.createdAt },
    updatedAt: { kind: 'date', get: (r) => r.updatedAt },
    deletedAt: { kind: 'date', get: (r) => r.deletedAt },
  },
  joinColumns: {},
};

export const dashboardSpec: ObjectSpec<DashboardRow> = {
  nameSingular: 'dashboard',
  namePlural: 'dashboards',
  fields: {
    title: text((r) => r.title),
    position: { kind: 'number', get: (r) => r.position },
    pageLayoutId: { kind: 'uuid', get: (r) => r.pageLayoutId },
    createdBy: actorField<DashboardRow>((r) => r.createdBy),
    updatedBy: actorField<DashboardRow>((r) => r.updatedBy),
    id: { kind: 'uuid', get: (r) => r.id },
    createdAt: { kind: 'date', get: (r) => r.createdAt },
    updatedAt: { kind: 'date', get: (r) => r.updatedAt },
    deletedAt: { kind: 'date', get: (r) => r.deletedAt },
  },
  joinColumns: {},
};

/** The field a filter/orderBy key names, following relation names to their join column. */
export function fieldOf<Row>(spec: ObjectSpec<Row>, key: string): FieldSpec<Row> | undefined {
  return spec.fields[spec.joinColumns[key] ?? key];
}
