// The value behind an OpportunityConnection / CompanyConnection / OpportunityGroupByConnection:
// edges and pageInfo for the page, aggregate fields over the whole filtered set (computed only
// when asked for, once per field).
import type { ObjectSpec } from '@/sandbox/records/object-specs';
import { aggregateOf } from '@/sandbox/query/aggregates';
import type { Connection } from '@/sandbox/query/find-many';
import { encodeCursor } from '@/sandbox/query/order';

export class ConnectionSource<Row> {
  private readonly computed = new Map<string, unknown>();
  private connection: Connection<Row> | null = null;

  constructor(
    private readonly spec: ObjectSpec<Row>,
    private readonly matched: readonly Row[],
    private readonly paging: () => Connection<Row>,
    private readonly toNode: (row: Row) => object,
    private readonly dimensionValues: (string | null)[] | null = null,
  ) {}

  private page(): Connection<Row> {
    this.connection ??= this.paging();
    return this.connection;
  }

  field(name: string): unknown {
    if (name === 'groupByDimensionValues') return this.dimensionValues;
    if (name === 'edges') {
      const { page, keys } = this.page();
      const spec = this.spec;
      return page.map((row) => ({
        get cursor() {
          return encodeCursor(spec, keys, row);
        },
        node: this.toNode(row),
      }));
    }
    if (name === 'pageInfo') {
      const { page, keys, hasNextPage, hasPreviousPage } = this.page();
      const first = page[0];
      const last = page[page.length - 1];
      return {
        hasNextPage,
        hasPreviousPage,
        startCursor: first === undefined ? null : encodeCursor(this.spec, keys, first),
        endCursor: last === undefined ? null : encodeCursor(this.spec, keys, last),
      };
    }
    if (!this.computed.has(name)) this.computed.set(name, aggregateOf(this.spec, this.matched, name));
    return this.computed.get(name);
  }
}
