import { z } from 'zod';
import type { OpportunityFilterInput } from '@/lib/twenty/filters';
import type { Transport } from '@/lib/twenty/transport';

// The check's own read-only questions to Twenty, each one root field (or none, for
// introspection). They go through the same transport as the app: guard, timeout, redaction.

const countSchema = z.object({ records: z.object({ totalCount: z.number().int().nonnegative() }) });

const COUNT_DOCUMENTS = {
  opportunities: 'query CheckOpportunities { records: opportunities(first: 1) { totalCount } }',
  companies: 'query CheckCompanies { records: companies(first: 1) { totalCount } }',
  workspaceMembers: 'query CheckWorkspaceMembers { records: workspaceMembers(first: 1) { totalCount } }',
} as const;

/** `first: 1` keeps the answer tiny; totalCount is what we want. */
export async function countRecords(transport: Transport, root: keyof typeof COUNT_DOCUMENTS): Promise<number> {
  const data = await transport.runQuery({ document: COUNT_DOCUMENTS[root], schema: countSchema });
  return data.records.totalCount;
}

const FILTER_COUNT_DOCUMENT = /* GraphQL */ `
  query CheckDashboardFilter($filter: OpportunityFilterInput) {
    records: opportunities(filter: $filter, first: 1) { totalCount }
  }
`;

/** Deals matching a dashboard's filter: Twenty accepts the filter, or says why not. */
export async function countMatching(transport: Transport, filter: OpportunityFilterInput): Promise<number> {
  const data = await transport.runQuery({ document: FILTER_COUNT_DOCUMENT, variables: { filter }, schema: countSchema });
  return data.records.totalCount;
}

const METADATA_QUERY_FIELDS = /* GraphQL */ `
  query CheckMetadataQueryFields { __schema { queryType { fields { name } } } }
`;
const queryFieldsSchema = z.object({ __schema: z.object({ queryType: z.object({ fields: z.array(z.object({ name: z.string() })) }) }) });

/** Root query fields of /metadata (saved views are `getViews` there on 2.x); introspection is not rate limited. */
export async function metadataQueryFields(transport: Transport): Promise<string[]> {
  const data = await transport.runQuery({ endpoint: 'metadata', document: METADATA_QUERY_FIELDS, schema: queryFieldsSchema });
  return data.__schema.queryType.fields.map((f) => f.name);
}
