// A relation field seen from the records that hold its join column (opportunity.owner →
// workspaceMember by ownerId): the related object's fields, lifted so that they read the related
// record of a source row. groupBy uses it for `owner {name {firstName}}` and `company {name}`.
import { permissionDenied } from '@/sandbox/graphql/errors';
import type { FieldSpec, ObjectSpec, ScalarField } from '@/sandbox/records/object-specs';

export type Relation<Row> = {
  /** Twenty's nameSingular of the related object, e.g. "workspaceMember". */
  objectName: string;
  /** The related object's field `name`, reading through the relation (null when unrelated). */
  field(name: string): FieldSpec<Row> | undefined;
  /** Relation fields of the related object (a relation of a relation cannot be grouped by). */
  isRelation(name: string): boolean;
  /** Throws Twenty's permission error when the caller's role cannot read the related object. */
  checkReadable(): void;
};

export type Relations<Row> = Readonly<Record<string, Relation<Row>>>;

export function relationOf<Row, Target>(opts: {
  objectName: string;
  spec: ObjectSpec<Target>;
  related: (row: Row) => Target | undefined;
  relationNames?: readonly string[];
  readable?: boolean;
}): Relation<Row> {
  const lift = (f: ScalarField<Target>): ScalarField<Row> => ({
    kind: f.kind,
    get: (row) => {
      const target = opts.related(row);
      return target === undefined ? null : f.get(target);
    },
  });
  return {
    objectName: opts.objectName,
    field(name) {
      const f = opts.spec.fields[name];
      if (!f) return undefined;
      if (f.kind !== 'composite') return lift(f);
      const sub: Record<string, ScalarField<Row>> = {};
      for (const [key, s] of Object.entries(f.sub)) sub[key] = lift(s);
      return { kind: 'composite', sub, isEmpty: (row) => { const t = opts.related(row); return t === undefined || f.isEmpty(t); } };
    },
    isRelation: (name) => opts.relationNames?.includes(name) ?? false,
    checkReadable() {
      if (opts.readable === false) throw permissionDenied();
    },
  };
}
