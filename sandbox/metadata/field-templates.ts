// Field metadata of the two objects the demo workspace serves, after Twenty's standard objects
// (captured: tests/fixtures/twenty/real/stage-options.json). Ids are made per workspace.

export type FieldTemplate = {
  name: string;
  label: string;
  type: string;
  isNullable: boolean;
  isSystem: boolean;
  defaultValue: unknown;
  settings: unknown;
  icon: string | null;
};

const relative = { displayFormat: 'RELATIVE' };
const f = (name: string, label: string, type: string, isNullable: boolean, isSystem: boolean, defaultValue: unknown, settings: unknown = null, icon: string | null = null): FieldTemplate => ({
  name, label, type, isNullable, isSystem, defaultValue, settings, icon,
});

const systemFields: FieldTemplate[] = [
  f('position', 'Position', 'POSITION', false, true, 0, null, 'IconHierarchy2'),
  f('createdBy', 'Created by', 'ACTOR', false, false, { name: "'System'", source: "'MANUAL'", context: {} }, null, 'IconCreativeCommonsSa'),
  f('searchVector', 'Search vector', 'TS_VECTOR', true, true, null, null, null),
  f('id', 'Id', 'UUID', false, true, 'uuid', null, 'Icon123'),
  f('createdAt', 'Creation date', 'DATE_TIME', false, false, 'now', relative, 'IconCalendar'),
  f('updatedAt', 'Last update', 'DATE_TIME', false, false, 'now', relative, 'IconCalendarClock'),
  f('deletedAt', 'Deleted at', 'DATE_TIME', true, false, null, relative, 'IconCalendarMinus'),
];

export const OPPORTUNITY_FIELDS: FieldTemplate[] = [
  f('name', 'Name', 'TEXT', false, false, "''", null, 'IconTargetArrow'),
  f('amount', 'Amount', 'CURRENCY', true, false, { amountMicros: null, currencyCode: "''" }, null, 'IconCurrencyDollar'),
  f('closeDate', 'Close date', 'DATE_TIME', true, false, null, null, 'IconCalendarEvent'),
  f('stage', 'Stage', 'SELECT', false, false, "'NEW'", null, 'IconProgressCheck'),
  ...systemFields,
  f('pointOfContact', 'Point of Contact', 'RELATION', true, false, null, { onDelete: 'SET_NULL', relationType: 'MANY_TO_ONE', joinColumnName: 'pointOfContactId' }, 'IconUser'),
  f('company', 'Company', 'RELATION', true, false, null, { onDelete: 'SET_NULL', relationType: 'MANY_TO_ONE', joinColumnName: 'companyId' }, 'IconBuildingSkyscraper'),
];

/**
 * 2.x only: the owner (a workspace member), filtered as `ownerId` and the target of saved views'
 * relation filters (views-dashboards/q1-createViewFilter-E-owner-is-relation.json).
 */
export const OWNER_FIELD = f('owner', 'Owner', 'RELATION', true, false, null, { onDelete: 'SET_NULL', relationType: 'MANY_TO_ONE', joinColumnName: 'ownerId' }, 'IconUserCircle');

/** 2.x only: people, so a saved view of another object can be made (q2-createView-person-view.json). */
export const PERSON_FIELDS: FieldTemplate[] = [
  f('name', 'Name', 'FULL_NAME', true, false, { firstName: "''", lastName: "''" }, null, 'IconUser'),
  f('emails', 'Emails', 'EMAILS', true, false, { primaryEmail: "''", additionalEmails: null }, null, 'IconMail'),
  f('phones', 'Phones', 'PHONES', true, false, null, null, 'IconPhone'),
  f('jobTitle', 'Job Title', 'TEXT', false, false, "''", null, 'IconBriefcase'),
  f('city', 'City', 'TEXT', false, false, "''", null, 'IconMap'),
  ...systemFields,
  f('company', 'Company', 'RELATION', true, false, null, { onDelete: 'SET_NULL', relationType: 'MANY_TO_ONE', joinColumnName: 'companyId' }, 'IconBuildingSkyscraper'),
];

export const COMPANY_FIELDS: FieldTemplate[] = [
  f('name', 'Name', 'TEXT', false, false, "''", null, 'IconBuildingSkyscraper'),
  f('domainName', 'Domain', 'LINKS', true, false, { primaryLinkUrl: "''", primaryLinkLabel: "''", secondaryLinks: null }, null, 'IconLink'),
  f('employees', 'Employees', 'NUMBER', true, false, null, null, 'IconUsers'),
  ...systemFields,
  f('opportunities', 'Opportunities', 'RELATION', true, false, null, { relationType: 'ONE_TO_MANY' }, 'IconTargetArrow'),
];

export const DEFAULT_STAGE_OPTIONS = [
  { value: 'NEW', label: 'New', color: 'red' },
  { value: 'SCREENING', label: 'Screening', color: 'purple' },
  { value: 'MEETING', label: 'Meeting', color: 'sky' },
  { value: 'PROPOSAL', label: 'Proposal', color: 'turquoise' },
  { value: 'CUSTOMER', label: 'Customer', color: 'yellow' },
];
