import { E2E_TEST_KEY } from './stacks';

// The test acts as a CRM user: it talks to the demo workspace over HTTP, exactly as Twenty's
// own UI would, with its own API key (so the request log can tell it from the app).

type GraphQLAnswer = { data?: Record<string, unknown>; errors?: { message: string }[] };

export type SeedDeal = {
  id: string;
  name: string | null;
  stage: string;
  amountMicros: bigint | null;
  currencyCode: string | null;
  closeDate: string | null;
  /** The deal's owner (a workspace member), read only from servers that have one (Twenty ≥ 1.16). */
  ownerId?: string | null;
  /** When the deal was created, read only when asked (the new-pipeline trend). */
  createdAt?: string;
};

/** What a CRM user types into a deal; amounts in micros of the given currency. */
export type DealInput = {
  name?: string;
  stage?: string;
  amount?: { amountMicros: number | null; currencyCode: string } | null;
  closeDate?: string | null;
  /** A workspace member's id (Twenty ≥ 1.16); null takes the owner away. */
  ownerId?: string | null;
};

/** A deal as the workspace holds it now, with the fields a webhook record carries. */
export type DealRecord = {
  id: string;
  name: string | null;
  stage: string;
  amountMicros: string | null;
  currencyCode: string | null;
  closeDate: string | null;
  companyId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

const DEAL_FIELDS = 'id name stage amount { amountMicros currencyCode } closeDate companyId createdAt updatedAt deletedAt';

type DealNode = Omit<DealRecord, 'amountMicros' | 'currencyCode'> & { amount: { amountMicros: number | string | null; currencyCode: string | null } | null };

function toDealRecord(node: DealNode): DealRecord {
  const { amount, ...rest } = node;
  const micros = amount?.amountMicros;
  return {
    ...rest,
    amountMicros: micros === null || micros === undefined ? null : BigInt(typeof micros === 'number' ? Math.round(micros) : micros).toString(),
    currencyCode: amount?.currencyCode ?? null,
  };
}

export type RequestLogEntry = {
  endpoint: string;
  operationType: 'query' | 'mutation';
  rootFields: string[];
  authorized: boolean;
  keyIndex?: number;
  source?: string;
};

export class Crm {
  constructor(readonly url: string) {}

  async graphql(path: '/graphql' | '/metadata', query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_TEST_KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLAnswer;
    if (body.errors?.length) throw new Error(`CRM error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data ?? {};
  }

  /** Every live opportunity, paged 60 at a time in id order, read independently of the app. */
  async allDeals(opts: { owner?: boolean; createdAt?: boolean } = {}): Promise<SeedDeal[]> {
    const deals: SeedDeal[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await this.graphql(
        '/graphql',
        `query Page($after: String) { opportunities(first: 60, after: $after) {
          edges { node { id name stage amount { amountMicros currencyCode } closeDate${opts.owner ? ' ownerId' : ''}${opts.createdAt ? ' createdAt' : ''} } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const conn = data.opportunities as {
        edges: { node: { id: string; name: string | null; stage: string; amount: { amountMicros: number | string | null; currencyCode: string | null } | null; closeDate: string | null; ownerId?: string | null; createdAt?: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      for (const { node } of conn.edges) {
        const micros = node.amount?.amountMicros;
        deals.push({
          id: node.id,
          name: node.name,
          stage: node.stage,
          amountMicros: micros === null || micros === undefined ? null : BigInt(typeof micros === 'number' ? Math.round(micros) : micros),
          currencyCode: node.amount?.currencyCode ?? null,
          closeDate: node.closeDate,
          ...(opts.owner ? { ownerId: node.ownerId ?? null } : {}),
          ...(opts.createdAt && node.createdAt ? { createdAt: node.createdAt } : {}),
        });
      }
      if (!conn.pageInfo.hasNextPage) return deals;
      after = conn.pageInfo.endCursor;
    }
  }

  async stageField(): Promise<{ id: string; options: { id: string; value: string; label: string; color: string; position: number }[] }> {
    const data = await this.graphql(
      '/metadata',
      `query { objects(paging: { first: 100 }) { edges { node { nameSingular
        fields(paging: { first: 200 }) { edges { node { id name options } } } } } } }`,
    );
    const objects = (data.objects as { edges: { node: { nameSingular: string; fields: { edges: { node: { id: string; name: string; options: unknown } }[] } } }[] }).edges;
    const opportunity = objects.find((o) => o.node.nameSingular === 'opportunity');
    const field = opportunity?.node.fields.edges.find((f) => f.node.name === 'stage')?.node;
    if (!field) throw new Error('no stage field in the metadata');
    return { id: field.id, options: field.options as { id: string; value: string; label: string; color: string; position: number }[] };
  }

  async setStageOptions(fieldId: string, options: unknown[]): Promise<void> {
    await this.graphql(
      '/metadata',
      `mutation Update($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`,
      { input: { id: fieldId, update: { options } } },
    );
  }

  /** Creates a deal as a CRM user would; the workspace sends its webhook on its own. */
  async createDeal(data: DealInput): Promise<DealRecord> {
    const out = await this.graphql(
      '/graphql',
      `mutation Create($data: OpportunityCreateInput!) { createOpportunity(data: $data) { ${DEAL_FIELDS} } }`,
      { data },
    );
    return toDealRecord(out.createOpportunity as DealNode);
  }

  /** Edits a deal (move it to another stage, re-price it…), exactly as Twenty's UI does. */
  async updateDeal(id: string, data: DealInput): Promise<DealRecord> {
    const out = await this.graphql(
      '/graphql',
      `mutation Update($id: UUID!, $data: OpportunityUpdateInput!) { updateOpportunity(id: $id, data: $data) { ${DEAL_FIELDS} } }`,
      { id, data },
    );
    return toDealRecord(out.updateOpportunity as DealNode);
  }

  /** Removes a deal for good (Twenty's "permanently delete"). */
  async destroyDeal(id: string): Promise<void> {
    await this.graphql('/graphql', `mutation Destroy($id: UUID!) { destroyOpportunity(id: $id) { id } }`, { id });
  }

  /** Creates several deals in one call (Twenty's import, an API script). */
  async createDeals(data: DealInput[]): Promise<DealRecord[]> {
    const out = await this.graphql(
      '/graphql',
      `mutation CreateMany($data: [OpportunityCreateInput!]!) { createOpportunities(data: $data) { ${DEAL_FIELDS} } }`,
      { data },
    );
    return (out.createOpportunities as DealNode[]).map(toDealRecord);
  }

  /**
   * A bulk change by filter, as Twenty's UI sends for a multi-select: update, soft delete,
   * restore or destroy every deal the filter matches. Returns how many deals it touched.
   */
  async bulk(kind: 'update' | 'delete' | 'restore' | 'destroy', filter: Record<string, unknown>, data?: DealInput): Promise<number> {
    const field = `${kind}Opportunities`;
    const args = kind === 'update' ? '(data: $data, filter: $filter)' : '(filter: $filter)';
    const params = kind === 'update' ? '($data: OpportunityUpdateInput!, $filter: OpportunityFilterInput!)' : '($filter: OpportunityFilterInput!)';
    const out = await this.graphql('/graphql', `mutation Bulk${params} { ${field}${args} { id } }`, kind === 'update' ? { data, filter } : { filter });
    return (out[field] as { id: string }[]).length;
  }

  /** One live deal by id, or null. */
  async deal(id: string): Promise<DealRecord | null> {
    const out = await this.graphql('/graphql', `query One($id: UUID!) { opportunity(filter: { id: { eq: $id } }) { ${DEAL_FIELDS} } }`, { id });
    const node = out.opportunity as DealNode | null;
    return node ? toDealRecord(node) : null;
  }

  async requests(): Promise<RequestLogEntry[]> {
    const res = await fetch(`${this.url}/__sandbox/requests`, { headers: { authorization: `Bearer ${E2E_TEST_KEY}` } });
    const body = (await res.json()) as { requests: RequestLogEntry[] };
    return body.requests;
  }
}
