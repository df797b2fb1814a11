import { buildSchema, graphqlSync } from 'graphql';
import { expect, test } from 'vitest';
import {
  CAPABILITIES_DOCUMENT,
  TYPE_FIELDS_DOCUMENT,
  capabilitiesDataSchema,
  parseCapabilities,
  typeFieldsDataSchema,
} from '@/lib/twenty/capabilities';
import { v055CoreSchema } from './helpers/fixtures';
import { withGroupBy } from './helpers/documents';

function introspect(schema: Parameters<typeof graphqlSync>[0]['schema']) {
  const result = graphqlSync({ schema, source: CAPABILITIES_DOCUMENT });
  expect(result.errors).toBeUndefined();
  return parseCapabilities(capabilitiesDataSchema.parse(result.data));
}

test('v0.55: no groupBy, an enum stage filter with its values, no owner, BigFloat amounts', () => {
  expect(introspect(v055CoreSchema())).toEqual({
    groupBy: false,
    groupByTypeName: null,
    groupByArgs: [],
    stageFilter: { kind: 'enum', typeName: 'OpportunityStageEnumFilter', values: ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'] },
    ownerFilter: false,
    amountMicrosFilter: 'BigFloatFilter',
    pageSize: 60,
  });
});

test('a v0.55 connection offers the sum and average of amountMicros (the priced count is sum / avg)', () => {
  const result = graphqlSync({ schema: v055CoreSchema(), source: TYPE_FIELDS_DOCUMENT, variableValues: { name: 'OpportunityConnection' } });
  const fields = typeFieldsDataSchema.parse(result.data).__type?.fields?.map((f) => f.name);
  expect(fields).toContain('avgAmountAmountMicros');
  expect(fields).toContain('sumAmountAmountMicros');
});

test('a newer server: groupBy with its group type, a string SelectFilter, an owner', () => {
  const schema = withGroupBy(
    buildSchema(`
      enum FilterIs { NULL NOT_NULL }
      input SelectFilter { in: [String] is: FilterIs }
      input UUIDFilter { in: [UUID] eq: UUID is: FilterIs }
      input BigFloatFilter { gte: BigFloat }
      input CurrencyFilterInput { amountMicros: BigFloatFilter }
      input DateFilter { gte: Date lt: Date }
      scalar UUID
      scalar BigFloat
      scalar Date
      input OpportunityFilterInput { stage: SelectFilter ownerId: UUIDFilter amount: CurrencyFilterInput closeDate: DateFilter }
      type OpportunityConnection { totalCount: Int }
      type Query { opportunities(filter: OpportunityFilterInput): OpportunityConnection }
    `),
  );
  expect(introspect(schema)).toEqual({
    groupBy: true,
    groupByTypeName: 'OpportunityGroupByConnection',
    groupByArgs: ['groupBy', 'filter', 'limit'],
    stageFilter: { kind: 'string', typeName: 'SelectFilter' },
    ownerFilter: true,
    amountMicrosFilter: 'BigFloatFilter',
    pageSize: 60,
  });
});

test('a stage filter without "in" is refused with a clear message', () => {
  const schema = buildSchema(`
    input StageFilter { eq: String }
    input OpportunityFilterInput { stage: StageFilter }
    type Query { opportunities(filter: OpportunityFilterInput): Int }
  `);
  expect(() => introspect(schema)).toThrow(/no "in" operator/);
});
