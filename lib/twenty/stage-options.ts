import { z } from 'zod';
import type { StageOption } from '@/lib/pipeline/types';
import { isTwentyError } from '@/lib/twenty/errors';
import type { Log, Transport } from '@/lib/twenty/transport';

// Stage values, labels, colours and order from Twenty's metadata API, so the wall mirrors the
// CRM without configuration. If the metadata cannot be read we fall back to Twenty's defaults.

export const DEFAULT_STAGE_OPTIONS: readonly StageOption[] = [
  { value: 'NEW', label: 'New', color: 'red', position: 0 },
  { value: 'SCREENING', label: 'Screening', color: 'purple', position: 1 },
  { value: 'MEETING', label: 'Meeting', color: 'sky', position: 2 },
  { value: 'PROPOSAL', label: 'Proposal', color: 'turquoise', position: 3 },
  { value: 'CUSTOMER', label: 'Customer', color: 'yellow', position: 4 },
];

// Object.fields pages 10 by default, hence the explicit paging.
export const STAGE_OPTIONS_DOCUMENT = /* GraphQL */ `
  query OpportunityStageOptions {
    objects(paging: { first: 1000 }, filter: {}) {
      edges { node { nameSingular fields(paging: { first: 1000 }, filter: {}) { edges { node { name type options } } } } }
    }
  }
`;

const optionSchema = z.object({
  value: z.string().min(1),
  label: z.string(),
  color: z.string().nullish(),
  position: z.number(),
});

export const stageOptionsDataSchema = z.object({
  objects: z.object({
    edges: z.array(
      z.object({
        node: z.object({
          nameSingular: z.string(),
          fields: z.object({ edges: z.array(z.object({ node: z.object({ name: z.string(), options: z.unknown() }) })) }),
        }),
      }),
    ),
  }),
});

/** The opportunity stage options of a metadata answer, by position; null if absent or unreadable. */
export function stageOptionsFromMetadata(data: z.infer<typeof stageOptionsDataSchema>): StageOption[] | null {
  const opportunity = data.objects.edges.find((e) => e.node.nameSingular === 'opportunity');
  const stage = opportunity?.node.fields.edges.find((e) => e.node.name === 'stage');
  const options = z.array(optionSchema).min(1).safeParse(stage?.node.options);
  if (!options.success) return null;
  return options.data
    .map((o) => ({ value: o.value, label: o.label, color: o.color ?? 'gray', position: o.position }))
    .sort((a, b) => a.position - b.position);
}

export type StageOptionsResult = { options: StageOption[]; source: 'metadata' | 'default' };

export async function readStageOptions(transport: Transport, log: Log): Promise<StageOptionsResult> {
  try {
    const data = await transport.runQuery({ endpoint: 'metadata', document: STAGE_OPTIONS_DOCUMENT, schema: stageOptionsDataSchema });
    const options = stageOptionsFromMetadata(data);
    if (options) return { options, source: 'metadata' };
    log({ level: 'warn', event: 'twenty.stage_options_fallback', reason: 'no opportunity.stage options in the metadata' });
  } catch (err) {
    if (!isTwentyError(err)) throw err;
    log({ level: 'warn', event: 'twenty.stage_options_fallback', reason: err.kind, message: err.message });
  }
  return { options: DEFAULT_STAGE_OPTIONS.map((o) => ({ ...o })), source: 'default' };
}
