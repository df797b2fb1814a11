import { z } from 'zod';
import {
  CAPABILITIES_DOCUMENT,
  GROUP_BY_INPUT_TYPE,
  PAGE_SIZE,
  TYPE_FIELDS_DOCUMENT,
  capabilitiesDataSchema,
  groupByTakesTimeZone,
  parseCapabilities,
  typeFieldsDataSchema,
  type Capabilities,
} from '@/lib/twenty/capabilities';
import { isTwentyError } from '@/lib/twenty/errors';
import type { Log, Transport } from '@/lib/twenty/transport';

// Runs the introspection once per client (2–4 small calls). A server that refuses introspection
// still works: we assume the newest shape and let the first refusal teach us (see client.ts).

type TypeFields = z.infer<typeof typeFieldsDataSchema>;

async function describeType(transport: Transport, typeName: string | null): Promise<TypeFields> {
  if (!typeName) return { __type: null };
  return transport.runQuery({ document: TYPE_FIELDS_DOCUMENT, variables: { name: typeName }, schema: typeFieldsDataSchema });
}

const fieldNames = (t: TypeFields) => (t.__type?.fields ?? []).map((f) => f.name);

// Twenty 2.21 as captured (shared/twenty-fixtures/real-2.21).
const ASSUMED: Capabilities = {
  groupBy: true,
  groupByTypeName: null,
  groupByArgs: ['groupBy', 'filter', 'limit'],
  groupByTimeZone: true,
  stageFilter: { kind: 'string', typeName: 'unknown' },
  ownerFilter: true,
  amountMicrosFilter: 'unknown',
  pageSize: PAGE_SIZE,
  connectionFields: ['avgAmountAmountMicros'],
  groupFields: ['avgAmountAmountMicros'],
  assumed: true,
};

export async function readCapabilities(transport: Transport, log: Log): Promise<Capabilities> {
  let data: z.infer<typeof capabilitiesDataSchema>;
  try {
    data = await transport.runQuery({ document: CAPABILITIES_DOCUMENT, schema: capabilitiesDataSchema });
  } catch (err) {
    if (!isTwentyError(err) || err.kind !== 'rejected') throw err;
    log({ level: 'warn', event: 'twenty.introspection_refused', message: err.message, assumed: ASSUMED });
    return structuredClone(ASSUMED);
  }
  const base = parseCapabilities(data);
  const connection = data.__schema.queryType.fields.find((f) => f.name === 'opportunities');
  let connectionType: string | null = null;
  for (let t = connection?.type; t; t = t.ofType ?? undefined) connectionType = t.name ?? connectionType;
  const [connectionInfo, groupInfo, groupInputInfo] = await Promise.all([
    describeType(transport, connectionType),
    describeType(transport, base.groupBy ? base.groupByTypeName : null),
    describeType(transport, base.groupBy ? GROUP_BY_INPUT_TYPE : null),
  ]);
  const caps: Capabilities = {
    ...base,
    groupByTimeZone: groupByTakesTimeZone(groupInputInfo),
    connectionFields: fieldNames(connectionInfo),
    groupFields: fieldNames(groupInfo),
  };
  log({
    level: 'info',
    event: 'twenty.capabilities',
    groupBy: caps.groupBy,
    groupByTimeZone: caps.groupByTimeZone,
    groupByLimit: caps.groupByArgs.includes('limit'),
    stageFilter: caps.stageFilter.kind,
    ownerFilter: caps.ownerFilter,
    amountMicrosFilter: caps.amountMicrosFilter,
    pageSize: caps.pageSize,
  });
  return caps;
}
