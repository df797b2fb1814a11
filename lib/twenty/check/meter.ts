import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';
import type { SpentFigures } from '@/lib/twenty/check/report';

// The check's fetch, under lib/twenty's transport (which holds the key and refuses mutations):
// it counts the root fields that reach Twenty, refuses to send more than the cap, and answers a
// repeated read of the schema or of the stage options from memory — the check builds a second
// client to force another strategy, and those answers cannot change within the run.

/** Twenty 2.21 allows 100 a minute per workspace, shared by every key: the check takes a fifth. */
export const CHECK_ROOT_FIELD_CAP = 20;

// The saved-view reads too: the view row reads what the dashboard's load reads next; and the
// dashboard layouts, which a board's load and the list of layouts both read.
const MEMO_OPERATIONS = new Set(['TwentyCapabilities', 'TwentyTypeFields', 'OpportunityStageOptions', 'CheckMetadataQueryFields', 'WorkspaceObjects', 'SavedViewById', 'SavedViewsOfObject', 'DashboardLayouts']);

const bodySchema = z.object({ query: z.string(), operationName: z.string().nullish() });

type Cost = { counted: number; introspection: number; operation: string | null };

/** What Twenty counts: one per root field, aliases included; `__schema`/`__type` are not limited. */
export function rootFieldCost(body: unknown): Cost {
  const parsed = typeof body === 'string' ? bodySchema.safeParse(safeJson(body)) : { success: false as const };
  if (!parsed.success) return { counted: 1, introspection: 0, operation: null };
  let operation: OperationDefinitionNode | undefined;
  try {
    operation = parse(parsed.data.query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return { counted: 1, introspection: 0, operation: null };
  }
  const names = (operation?.selectionSet.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
  const introspection = names.filter((n) => n.startsWith('__') && n !== '__typename').length;
  const counted = names.filter((n) => !n.startsWith('__')).length;
  return { counted, introspection, operation: parsed.data.operationName ?? operation?.name?.value ?? null };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** Thrown instead of sending a request that would pass the cap. */
export class CheckBudgetSpent extends Error {
  override name = 'CheckBudgetSpent';
}

export type RootFieldMeter = {
  fetch: typeof fetch;
  remaining(): number;
  /** Requests refused for the cap so far; a step compares it before and after. */
  refusals(): number;
  figures(): SpentFigures;
};

type Remembered = { status: number; headers: [string, string][]; text: string };

export function createRootFieldMeter(options: { fetch: typeof fetch; cap?: number }): RootFieldMeter {
  const cap = options.cap ?? CHECK_ROOT_FIELD_CAP;
  const memo = new Map<string, Remembered>();
  let counted = 0;
  let introspection = 0;
  let requests = 0;
  let refused = 0;

  const metered: typeof fetch = async (input, init) => {
    const body = init?.body;
    const cost = rootFieldCost(body);
    const key = cost.operation && MEMO_OPERATIONS.has(cost.operation) && typeof body === 'string' ? `${urlOf(input)}\n${body}` : null;
    const seen = key ? memo.get(key) : undefined;
    if (seen) return new Response(seen.text, { status: seen.status, headers: seen.headers });
    if (counted + cost.counted > cap) {
      refused++;
      throw new CheckBudgetSpent(`the check's ${cap} root fields are spent`);
    }
    counted += cost.counted;
    introspection += cost.introspection;
    requests++;
    const response = await options.fetch(input, init);
    if (!key || response.status !== 200) return response;
    const text = await response.text();
    const answer = safeJson(text);
    const clean = typeof answer === 'object' && answer !== null && !('errors' in answer);
    const remembered: Remembered = { status: response.status, headers: [...response.headers.entries()], text };
    if (clean) memo.set(key, remembered);
    return new Response(text, { status: remembered.status, headers: remembered.headers });
  };

  return {
    fetch: metered,
    remaining: () => cap - counted,
    refusals: () => refused,
    figures: () => ({ counted, cap, introspection, requests }),
  };
}
