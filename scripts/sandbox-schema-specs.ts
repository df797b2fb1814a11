// What scripts/gen-sandbox-schema.ts keeps of each captured introspection: the root fields the
// demo workspace answers and, per type, the fields it has data for. Everything reachable from
// those stays with Twenty's own names and types; the rest of a 600-type schema goes.

export type TrimSpec = {
  /** Root type name → the root fields to keep. */
  roots: Record<string, string[]>;
  /** Type name → the only fields (or input fields) to keep. */
  keepOnly: Record<string, string[]>;
  /** Connection type → record fields whose aggregates it keeps (plus totalCount, edges, pageInfo). */
  connections?: Record<string, string[]>;
  /** Types kept although no kept root reaches them (answers to `__type(name:)` probes). */
  extraTypes?: string[];
};

const RECORD_SYSTEM_FIELDS = ['position', 'createdBy', 'searchVector', 'id', 'createdAt', 'updatedAt', 'deletedAt'];

// ---------------------------------------------------------------- v0.55 (tests/fixtures/twenty/real)

const OPPORTUNITY_055 = ['name', 'amount', 'closeDate', 'stage', ...RECORD_SYSTEM_FIELDS, 'pointOfContactId', 'companyId'];
// People exist so privacy tests can plant personal data (names, emails, phones) next to the deals.
const PERSON_055 = ['name', 'emails', 'phones', 'jobTitle', 'city', ...RECORD_SYSTEM_FIELDS, 'companyId'];
const OPPORTUNITY_INPUT_055 = [...OPPORTUNITY_055, 'pointOfContact', 'company'];
const COMPANY_055 = ['name', 'domainName', 'employees', ...RECORD_SYSTEM_FIELDS];
const aggregatesOf = (fields: string[]) =>
  fields.flatMap((f) => {
    const cap = f.charAt(0).toUpperCase() + f.slice(1);
    return ['countUniqueValues', 'countEmpty', 'countNotEmpty', 'percentageEmpty', 'percentageNotEmpty'].map((op) => op + cap);
  });

export const CORE_055: TrimSpec = {
  roots: {
    Query: ['opportunities', 'opportunity', 'companies', 'company', 'people', 'person'],
    Mutation: [
      'createOpportunity',
      'createOpportunities',
      'updateOpportunity',
      'updateOpportunities',
      'deleteOpportunity',
      'deleteOpportunities',
      'restoreOpportunity',
      'restoreOpportunities',
      'destroyOpportunity',
      'destroyOpportunities',
    ],
  },
  keepOnly: {
    Opportunity: [...OPPORTUNITY_055, 'company', 'pointOfContact'],
    Person: [...PERSON_055, 'company'],
    PersonFilterInput: [...PERSON_055, 'and', 'or', 'not'],
    PersonOrderByInput: PERSON_055,
    PersonConnection: ['totalCount', 'edges', 'pageInfo', ...aggregatesOf(PERSON_055.filter((f) => f !== 'companyId'))],
    Company: [...COMPANY_055, 'opportunities'],
    CompanyFilterInput: [...COMPANY_055, 'and', 'or', 'not'],
    CompanyOrderByInput: COMPANY_055,
    CompanyConnection: [
      'totalCount',
      'edges',
      'pageInfo',
      ...aggregatesOf(COMPANY_055),
      ...['min', 'max', 'avg', 'sum'].map((op) => `${op}Employees`),
      ...['CreatedAt', 'UpdatedAt', 'DeletedAt'].flatMap((f) => [`min${f}`, `max${f}`]),
    ],
    OpportunityCreateInput: OPPORTUNITY_INPUT_055,
    OpportunityUpdateInput: OPPORTUNITY_INPUT_055,
  },
};

export const METADATA_055: TrimSpec = {
  roots: {
    Query: ['objects', 'object', 'fields', 'field', 'currentWorkspace'],
    Mutation: ['updateOneField'],
  },
  keepOnly: {
    Workspace: ['id', 'displayName', 'createdAt', 'updatedAt'],
    Object: [
      'id', 'dataSourceId', 'nameSingular', 'namePlural', 'labelSingular', 'labelPlural', 'description', 'icon',
      'shortcut', 'isCustom', 'isRemote', 'isActive', 'isSystem', 'isSearchable', 'createdAt', 'updatedAt',
      'labelIdentifierFieldMetadataId', 'imageIdentifierFieldMetadataId', 'isLabelSyncedWithName', 'fieldsList', 'fields',
    ],
    Field: [
      'id', 'type', 'name', 'label', 'description', 'icon', 'isCustom', 'isActive', 'isSystem', 'isNullable', 'isUnique',
      'defaultValue', 'options', 'settings', 'isLabelSyncedWithName', 'createdAt', 'updatedAt', 'object',
    ],
  },
};

// ------------------------------------------------------------- 2.21 (../shared/twenty-fixtures/real-2.21)

const SYSTEM_221 = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'position', 'createdBy', 'updatedBy', 'searchVector'];
const OPPORTUNITY_221 = [...SYSTEM_221, 'name', 'amount', 'closeDate', 'stage', 'companyId', 'pointOfContactId', 'ownerId'];
const OPPORTUNITY_RELATIONS = ['company', 'pointOfContact', 'owner'];
const COMPANY_221 = [...SYSTEM_221, 'name', 'domainName', 'employees', 'accountOwnerId'];
const PERSON_221 = [...SYSTEM_221, 'name', 'emails', 'phones', 'jobTitle', 'companyId'];
const MEMBER_221 = [...SYSTEM_221.filter((f) => f !== 'searchVector'), 'name', 'userEmail', 'userId'];
const DATE_GROUPS = ['createdAt', 'updatedAt'];

export const CORE_221: TrimSpec = {
  roots: {
    Query: [
      'opportunities', 'opportunity', 'opportunitiesGroupBy',
      'companies', 'company',
      'people', 'person',
      'workspaceMembers', 'workspaceMember', 'workspaceMembersGroupBy',
      'dashboards', 'dashboard',
    ],
    Mutation: [
      'createOpportunity', 'createOpportunities',
      'updateOpportunity', 'updateOpportunities',
      'deleteOpportunity', 'deleteOpportunities',
      'restoreOpportunity', 'restoreOpportunities',
      'destroyOpportunity', 'destroyOpportunities',
      'createDashboard',
    ],
  },
  keepOnly: {
    Opportunity: [...OPPORTUNITY_221, ...OPPORTUNITY_RELATIONS],
    Company: [...COMPANY_221, 'opportunities'],
    Person: [...PERSON_221, 'company'],
    WorkspaceMember: MEMBER_221,

    CompanyFilterInput: [...COMPANY_221, 'and', 'or', 'not'],
    PersonFilterInput: [...PERSON_221, 'and', 'or', 'not'],
    WorkspaceMemberFilterInput: [...MEMBER_221, 'and', 'or', 'not'],
    CompanyOrderByInput: COMPANY_221,
    PersonOrderByInput: PERSON_221,
    WorkspaceMemberOrderByInput: MEMBER_221,

    CompanyGroupByInput: [...DATE_GROUPS, 'name', 'accountOwner', 'employees'],
    PersonGroupByInput: [...DATE_GROUPS, 'name', 'jobTitle', 'company'],
    CompanyOrderByWithGroupByInput: ['id', 'createdAt', 'updatedAt', 'name', 'position', 'employees', 'accountOwnerId', 'accountOwner'],
    PersonOrderByWithGroupByInput: ['id', 'createdAt', 'updatedAt', 'name', 'jobTitle', 'companyId'],
    WorkspaceMemberOrderByWithGroupByInput: ['id', 'createdAt', 'updatedAt', 'deletedAt', 'position', 'name', 'userEmail', 'userId'],

    CompanyWhereUniqueInput: ['id'],
    PersonWhereUniqueInput: ['id'],
  },
  connections: {
    CompanyConnection: COMPANY_221,
    PersonConnection: PERSON_221,
    WorkspaceMemberConnection: MEMBER_221,
  },
  // `__type(name: "Dashboard")` is part of a captured probe (views-dashboards/q4-introspection-…).
  extraTypes: ['Dashboard'],
};
const DASHBOARD_221 = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'title', 'position', 'pageLayoutId', 'createdBy', 'updatedBy'];
CORE_221.keepOnly.Dashboard = DASHBOARD_221;
// Dashboard records (views-dashboards/q3-dashboards-*): the read-only key is refused them; others read them.
CORE_221.keepOnly.DashboardFilterInput = [...DASHBOARD_221, 'and', 'or', 'not'];
CORE_221.keepOnly.DashboardOrderByInput = DASHBOARD_221;
CORE_221.keepOnly.DashboardCreateInput = ['id', 'title', 'position', 'pageLayoutId'];
CORE_221.connections = { ...CORE_221.connections, DashboardConnection: DASHBOARD_221 };

// Saved views (views-dashboards/q1-*): the reads the read-only key gets and the writes a CRM user makes.
const VIEW_QUERIES_221 = [
  'getViews', 'getView', 'getViewFilters', 'getViewFilter', 'getViewFilterGroups', 'getViewFilterGroup',
  'getViewSorts', 'getViewSort', 'getViewGroups', 'getViewGroup', 'getViewFields',
];
const VIEW_MUTATIONS_221 = [
  'createView', 'updateView', 'deleteView', 'destroyView', 'createViewFilter', 'updateViewFilter', 'deleteViewFilter',
  'createViewFilterGroup', 'deleteViewFilterGroup', 'createViewSort',
];

// Dashboards (views-dashboards/q3-*): page layouts, their tabs and widgets, and the chart data Twenty computes.
const LAYOUT_QUERIES_221 = [
  'getPageLayouts', 'getPageLayout', 'getPageLayoutTabs', 'getPageLayoutTab', 'getPageLayoutWidgets', 'getPageLayoutWidget',
  'barChartData', 'lineChartData', 'pieChartData',
];
const LAYOUT_MUTATIONS_221 = [
  'createPageLayout', 'createPageLayoutTab', 'createPageLayoutWidget', 'destroyPageLayout', 'destroyPageLayoutTab', 'destroyPageLayoutWidget',
];

export const METADATA_221: TrimSpec = {
  roots: {
    Query: ['objects', 'object', 'fields', 'field', 'currentWorkspace', 'webhooks', 'webhook', ...VIEW_QUERIES_221, ...LAYOUT_QUERIES_221],
    Mutation: ['updateOneField', 'createWebhook', 'updateWebhook', 'deleteWebhook', 'revokeApiKey', ...VIEW_MUTATIONS_221, ...LAYOUT_MUTATIONS_221],
  },
  keepOnly: {
    Workspace: ['id', 'displayName', 'createdAt', 'updatedAt'],
    Object: [
      'id', 'universalIdentifier', 'nameSingular', 'namePlural', 'labelSingular', 'labelPlural', 'description', 'icon',
      'shortcut', 'color', 'isRemote', 'isActive', 'isSystem', 'isUIEditable', 'isUICreatable', 'isUIReadOnly', 'isSearchable',
      'applicationId', 'createdAt', 'updatedAt', 'labelIdentifierFieldMetadataId', 'imageIdentifierFieldMetadataId',
      'isLabelSyncedWithName', 'fieldsList', 'fields',
    ],
    Field: [
      'id', 'universalIdentifier', 'type', 'name', 'label', 'description', 'icon', 'isActive', 'isSystem', 'isUIEditable',
      'isUIReadOnly', 'isNullable', 'isUnique', 'defaultValue', 'options', 'settings', 'objectMetadataId',
      'isLabelSyncedWithName', 'createdAt', 'updatedAt', 'applicationId', 'object',
    ],
    ApiKey: ['id', 'name', 'expiresAt', 'revokedAt', 'createdAt', 'updatedAt'],
  },
};
