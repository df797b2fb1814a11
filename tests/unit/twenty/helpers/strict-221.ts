import { readFixture } from './fixtures';
import { refusalOf, type SentRequest } from './request-rules';

// A fetch that stands between the client and the demo workspace and behaves like the real
// Twenty 2.21 where the demo workspace might still be lenient: a request 2.21 refuses gets the
// captured refusal (never reaching the workspace), and groupBy groups come back in a scrambled
// order (2.21 orders them only when asked). Every request is recorded for the tests to inspect.

type Captured = { response: { body: unknown } };
const CAPTURED = {
  operator: 'real-2.21/groupby/filtered-groupby-closeDate-range-two-operators.json',
  directive: 'real-2.21/misc/directive-include-variable-true.json',
  timezone: 'real-2.21/groupby/closeDate-month-no-timezone.json',
} as const;

function capturedRefusal(kind: keyof typeof CAPTURED): Response {
  const { body } = (readFixture(CAPTURED[kind]) as Captured).response;
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A fixed, order-destroying permutation: odd positions reversed, then even ones. */
function scramble<T>(items: readonly T[]): T[] {
  const odd = items.filter((_, i) => i % 2 === 1).reverse();
  const even = items.filter((_, i) => i % 2 === 0);
  return [...odd, ...even];
}

function scrambleGroups(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('data' in json)) return json;
  const data = (json as { data: unknown }).data;
  if (typeof data !== 'object' || data === null) return json;
  const groups = (data as Record<string, unknown>).opportunitiesGroupBy;
  if (!Array.isArray(groups)) return json;
  return { ...json, data: { ...data, opportunitiesGroupBy: scramble(groups) } };
}

export type StrictFetch = { fetch: typeof fetch; sent: SentRequest[]; refused: string[] };

export function strict221(inner: typeof fetch = fetch): StrictFetch {
  const sent: SentRequest[] = [];
  const refused: string[] = [];
  const strictFetch: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as SentRequest) : {};
    sent.push(body);
    const refusal = refusalOf(body);
    if (refusal) {
      refused.push(refusal);
      return capturedRefusal(refusal);
    }
    const response = await inner(input, init);
    if (!body.query?.includes('opportunitiesGroupBy')) return response;
    const json: unknown = await response.json();
    return new Response(JSON.stringify(scrambleGroups(json)), { status: response.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: strictFetch, sent, refused };
}
