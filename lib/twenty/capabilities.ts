import { z } from 'zod';
import { TwentyError } from '@/lib/twenty/errors';

// What this Twenty server can do, learned once by introspection (versions differ: see
// shared/twenty-api.md §9). Pure parsing lives here; the client runs the documents.

export const PAGE_SIZE = 60;

export type StageFilterKind =
  | { kind: 'enum'; typeName: string; values: string[] }
  | { kind: 'string'; typeName: string };

export type Capabilities = {
  /** `opportunitiesGroupBy` exists (1.x–2.x; absent on v0.55). */
  groupBy: boolean;
  /** Name of a groupBy group's type, when groupBy exists and the schema names it. */
  groupByTypeName: string | null;
  /** Arguments opportunitiesGroupBy takes (a group `limit` matters: Twenty returns 50 groups by default). */
  groupByArgs: string[];
  /**
   * groupBy's date granularity takes a `timeZone`. The groupBy strategy needs it: 2.21 refuses a
   * MONTH group-by without one, and without one months could only be UTC months.
   */
  groupByTimeZone: boolean;
  /** The `stage` filter's value type: an enum on v0.55, strings on a generic SelectFilter. */
  stageFilter: StageFilterKind;
  /** `ownerId` exists only from Twenty 1.16. */
  ownerFilter: boolean;
  /** Filter type of `amount.amountMicros` (BigFloatFilter on v0.55, taking BigFloat numbers). */
  amountMicrosFilter: string;
  /** Records per page we ask for: v0.55 defaults to 60, later versions cap at 200. */
  pageSize: number;
  /** Aggregate fields (avgAmountAmountMicros…) on the connection and on a groupBy group. */
  connectionFields: string[];
  groupFields: string[];
  /** Introspection was refused: this is the newest known shape, corrected by the first refusal. */
  assumed?: boolean;
};

type TypeRef = {
  kind: string;
  name?: string | null;
  ofType?: TypeRef | null;
  enumValues?: { name: string }[] | null;
  inputFields?: InputField[] | null;
};
type InputField = { name: string; type: TypeRef };

const typeRefSchema: z.ZodType<TypeRef> = z.lazy(() =>
  z.object({
    kind: z.string(),
    name: z.string().nullish(),
    ofType: typeRefSchema.nullish(),
    enumValues: z.array(z.object({ name: z.string() })).nullish(),
    inputFields: z.array(z.object({ name: z.string(), type: typeRefSchema })).nullish(),
  }),
);

// `__schema` and `__type` are different root fields, so this passes 2.x's duplicate-root rule;
// list fields nest only two deep, under graphql-js's max introspection depth (3).
export const CAPABILITIES_DOCUMENT = /* GraphQL */ `
  query TwentyCapabilities {
    __schema { queryType { fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
    __type(name: "OpportunityFilterInput") {
      inputFields {
        name
        type {
          kind
          name
          inputFields {
            name
            type {
              kind
              name
              enumValues { name }
              ofType { kind name enumValues { name } ofType { kind name enumValues { name } } }
            }
          }
        }
      }
    }
  }
`;

/** Fields of an object type, or input fields (and theirs) of an input type. */
export const TYPE_FIELDS_DOCUMENT = /* GraphQL */ `
  query TwentyTypeFields($name: String!) {
    __type(name: $name) { fields { name } inputFields { name type { kind name inputFields { name } } } }
  }
`;

/** Twenty's (and the demo workspace's) name for the groupBy dimension input. */
export const GROUP_BY_INPUT_TYPE = 'OpportunityGroupByInput';

export const capabilitiesDataSchema = z.object({
  __schema: z.object({
    queryType: z.object({
      fields: z.array(z.object({ name: z.string(), args: z.array(z.object({ name: z.string() })).default([]), type: typeRefSchema })),
    }),
  }),
  __type: z.object({ inputFields: z.array(z.object({ name: z.string(), type: typeRefSchema })).nullish() }).nullable(),
});
export type CapabilitiesData = z.infer<typeof capabilitiesDataSchema>;

export const typeFieldsDataSchema = z.object({
  __type: z
    .object({
      fields: z.array(z.object({ name: z.string() })).nullish(),
      inputFields: z
        .array(z.object({ name: z.string(), type: z.object({ inputFields: z.array(z.object({ name: z.string() })).nullish() }) }))
        .nullish(),
    })
    .nullable(),
});

/** Whether `{ closeDate: { granularity, timeZone } }` is accepted, from the groupBy input type. */
export function groupByTakesTimeZone(data: z.infer<typeof typeFieldsDataSchema>): boolean {
  const closeDate = data.__type?.inputFields?.find((f) => f.name === 'closeDate');
  return (closeDate?.type.inputFields ?? []).some((f) => f.name === 'timeZone');
}

function namedType(ref: TypeRef): TypeRef {
  let t = ref;
  while ((t.kind === 'LIST' || t.kind === 'NON_NULL') && t.ofType) t = t.ofType;
  return t;
}

function field(fields: InputField[] | null | undefined, name: string): InputField | undefined {
  return fields?.find((f) => f.name === name);
}

function stageFilterOf(filterFields: InputField[]): StageFilterKind {
  const stage = field(filterFields, 'stage');
  if (!stage) throw new TwentyError('rejected', 'this server cannot filter opportunities by stage');
  const typeName = namedType(stage.type).name ?? 'unknown';
  const inField = field(namedType(stage.type).inputFields, 'in');
  if (!inField) throw new TwentyError('rejected', `the stage filter ${typeName} has no "in" operator`);
  const element = namedType(inField.type);
  if (element.kind === 'ENUM') {
    return { kind: 'enum', typeName, values: (element.enumValues ?? []).map((v) => v.name) };
  }
  return { kind: 'string', typeName };
}

/** Everything but the result types' aggregate fields, which need one more (lazy) look-up. */
export function parseCapabilities(data: CapabilitiesData): Omit<Capabilities, 'connectionFields' | 'groupFields' | 'groupByTimeZone'> {
  const filterFields = data.__type?.inputFields;
  if (!filterFields) throw new TwentyError('rejected', 'this server has no OpportunityFilterInput (is the key for a workspace?)');
  const groupByField = data.__schema.queryType.fields.find((f) => f.name === 'opportunitiesGroupBy');
  const amount = field(filterFields, 'amount');
  const micros = amount ? field(namedType(amount.type).inputFields, 'amountMicros') : undefined;
  return {
    groupBy: groupByField !== undefined,
    groupByTypeName: groupByField ? (namedType(groupByField.type).name ?? null) : null,
    groupByArgs: groupByField ? groupByField.args.map((a) => a.name) : [],
    stageFilter: stageFilterOf(filterFields),
    ownerFilter: field(filterFields, 'ownerId') !== undefined,
    amountMicrosFilter: micros ? (namedType(micros.type).name ?? 'unknown') : 'unknown',
    pageSize: PAGE_SIZE,
  };
}
