import {
  Kind,
  extendSchema,
  getVariableValues,
  parse,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Validation errors of a document against a schema, as messages. */
export function validationErrors(schema: GraphQLSchema, source: string): string[] {
  return validate(schema, parse(source)).map((e) => e.message);
}

/** Coercion errors of variables for a document's operation, as the server would report them. */
export function variableErrors(schema: GraphQLSchema, source: string, variables: Record<string, unknown>): string[] {
  const op = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation');
  const result = getVariableValues(schema, op.variableDefinitions ?? [], variables);
  return 'errors' in result ? (result.errors ?? []).map((e) => e.message) : [];
}

/**
 * v0.55 has no groupBy. This adds one in the shape the demo workspace and Twenty 1.x+ use
 * (see sandbox/README.md), so the groupBy documents can be validated too.
 */
export function withGroupBy(schema: GraphQLSchema): GraphQLSchema {
  return extendSchema(
    schema,
    parse(`
      enum ObjectRecordGroupByDateGranularity { DAY WEEK MONTH QUARTER YEAR NONE }
      input GroupByDateGranularityInput { granularity: ObjectRecordGroupByDateGranularity! timeZone: String }
      input CurrencyGroupByInput { amountMicros: Boolean currencyCode: Boolean }
      input OpportunityGroupByInput { stage: Boolean amount: CurrencyGroupByInput closeDate: GroupByDateGranularityInput }
      type OpportunityGroupByConnection {
        groupByDimensionValues: [String]
        totalCount: Int
        sumAmountAmountMicros: Float
        avgAmountAmountMicros: Float
      }
      extend type Query {
        opportunitiesGroupBy(groupBy: [OpportunityGroupByInput!]!, filter: OpportunityFilterInput, limit: Int): [OpportunityGroupByConnection!]!
      }
    `),
  );
}
