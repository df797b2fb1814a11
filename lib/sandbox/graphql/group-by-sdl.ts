// The current-mode groupBy surface, added to the captured v0.55 schema (which has none). Names
// follow Twenty's 1.x–2.x schema builder: ${Object}GroupByInput, ${Object}GroupByConnection,
// DateGranularityEnum, GroupByDateGranularityInput, ${Object}OrderByWithGroupByInput.
import { isObjectType, type GraphQLSchema } from 'graphql';

export function groupBySdl(schema: GraphQLSchema): string {
  const connection = schema.getType('OpportunityConnection');
  if (!isObjectType(connection)) throw new Error('OpportunityConnection missing from the core schema');
  const fields = Object.values(connection.getFields());
  const connectionFields = fields.map((f) => `  ${f.name}: ${f.type.toString()}`).join('\n');
  const aggregateOrder = fields
    .filter((f) => f.name !== 'edges' && f.name !== 'pageInfo')
    .map((f) => `  ${f.name}: OrderByDirection`)
    .join('\n');
  return `
enum DateGranularityEnum { DAY WEEK MONTH QUARTER YEAR DAY_OF_THE_WEEK MONTH_OF_THE_YEAR QUARTER_OF_THE_YEAR NONE }

input GroupByDateGranularityInput {
  granularity: DateGranularityEnum
  "IANA zone for the bucket boundaries; UTC when omitted"
  timeZone: String
}

input OrderByDateGranularityInput { orderBy: OrderByDirection granularity: DateGranularityEnum }

input CurrencyGroupByInput { amountMicros: Boolean currencyCode: Boolean }

input OpportunityGroupByInput {
  name: Boolean
  amount: CurrencyGroupByInput
  closeDate: GroupByDateGranularityInput
  stage: Boolean
  position: Boolean
  createdAt: GroupByDateGranularityInput
  updatedAt: GroupByDateGranularityInput
  companyId: Boolean
  pointOfContactId: Boolean
}

input OpportunityOrderByWithGroupByAggregateInput {
${aggregateOrder}
}

input OpportunityOrderByWithGroupByInput {
  aggregate: OpportunityOrderByWithGroupByAggregateInput
  name: OrderByDirection
  amount: CurrencyOrderByInput
  closeDate: OrderByDateGranularityInput
  stage: OrderByDirection
  position: OrderByDirection
  createdAt: OrderByDateGranularityInput
  updatedAt: OrderByDateGranularityInput
  companyId: OrderByDirection
  pointOfContactId: OrderByDirection
}

type OpportunityGroupByConnection {
${connectionFields}
  groupByDimensionValues: [String]
}

extend type Query {
  opportunitiesGroupBy(
    groupBy: [OpportunityGroupByInput!]!
    filter: OpportunityFilterInput
    orderBy: [OpportunityOrderByWithGroupByInput]
    orderByForRecords: [OpportunityOrderByInput]
    viewId: UUID
    limit: Int
  ): [OpportunityGroupByConnection!]!
}
`;
}
