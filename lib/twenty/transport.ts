import 'server-only';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { Kind, type DocumentNode } from 'graphql';
import type { z } from 'zod';
import type { CallBudget } from '@/lib/twenty/budget';
import { classifyGraphQLErrors, classifyHttpFailure, classifyThrown } from '@/lib/twenty/classify';
import { TwentyError, redactSecret } from '@/lib/twenty/errors';
import { assertReadOnlyDocument } from '@/lib/twenty/read-only-guard';

// The only place that holds the API key and sends bytes to Twenty. Every document goes through
// runQuery: read-only guard, call budget, timeout, error classification, response validation.

export type Endpoint = 'graphql' | 'metadata';
const SLOW_CALL_MS = 2000;
export type LogLine = Record<string, unknown>;
export type Log = (line: LogLine) => void;

export type TransportOptions = {
  apiUrl: string;
  apiKey: string;
  budget: CallBudget;
  timeoutMs: number;
  fetch: typeof fetch;
  log: Log;
  /** Backoff after a rate-limit answer that carries no retry hint (v0.55, 1.x); default 60 s. */
  rateLimitBackoffMs?: number;
};

export type QueryRequest<S extends z.ZodType> = {
  endpoint?: Endpoint;
  document: string | DocumentNode;
  variables?: Record<string, unknown>;
  /** Validates `data`; a mismatch is an upstream_error, never a silent zero. */
  schema: S;
};

export type Transport = {
  runQuery<S extends z.ZodType>(request: QueryRequest<S>): Promise<z.infer<S>>;
  callCount(): number;
};

/** "https://crm.example.com/", ".../graphql" and ".../metadata" all mean the same server. */
export function normaliseBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/(graphql|metadata)$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** Twenty's rate limits charge per root field, aliases included. */
export function rootFieldCount(document: DocumentNode): number {
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return 1;
  const fields = op.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || s.name.value !== '__typename');
  return Math.max(1, fields.length);
}

function operationName(document: DocumentNode): string {
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op && op.kind === Kind.OPERATION_DEFINITION ? (op.name?.value ?? 'anonymous') : 'anonymous';
}

export function createTransport(options: TransportOptions): Transport {
  const { apiKey, budget, timeoutMs, log } = options;
  const base = normaliseBaseUrl(options.apiUrl);
  let calls = 0;

  const countedFetch: typeof fetch = (input, init) => {
    calls++;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return options.fetch(input, { ...init, signal });
  };

  const client = new ApolloClient({
    link: new HttpLink({
      uri: (operation) => `${base}/${operation.getContext().endpoint === 'metadata' ? 'metadata' : 'graphql'}`,
      fetch: countedFetch,
      headers: { Authorization: `Bearer ${apiKey}` },
    }),
    cache: new InMemoryCache(),
    queryDeduplication: false,
  });

  function toTwentyError(err: unknown): TwentyError {
    let classified: TwentyError;
    if (err instanceof TwentyError) classified = err;
    else if (CombinedGraphQLErrors.is(err)) classified = classifyGraphQLErrors(err.errors);
    else if (ServerError.is(err) || ServerParseError.is(err)) {
      classified = classifyHttpFailure({ status: err.statusCode, headers: err.response.headers, bodyText: err.bodyText });
    } else classified = classifyThrown(err, timeoutMs);
    const message = redactSecret(classified.message, apiKey);
    const guessOverride = classified.retryGuessed && options.rateLimitBackoffMs !== undefined;
    if (message === classified.message && !guessOverride) return classified;
    const detail = message.replace(/^Twenty \w+: /, '');
    const retryAfterMs = guessOverride ? options.rateLimitBackoffMs : classified.retryAfterMs;
    return new TwentyError(classified.kind, detail, { retryAfterMs, upstreamCode: classified.upstreamCode, retryGuessed: classified.retryGuessed });
  }

  async function runQuery<S extends z.ZodType>(request: QueryRequest<S>): Promise<z.infer<S>> {
    const query = assertReadOnlyDocument(request.document);
    const endpoint = request.endpoint ?? 'graphql';
    const operation = operationName(query);
    await budget.acquire(rootFieldCount(query));
    const started = performance.now();
    let failure: TwentyError | undefined;
    let data: unknown;
    try {
      const result = await client.query({
        query,
        variables: request.variables ?? {},
        fetchPolicy: 'no-cache',
        errorPolicy: 'all',
        context: { endpoint },
      });
      if (result.error) failure = toTwentyError(result.error);
      else data = result.data;
    } catch (err) {
      failure = toTwentyError(err);
    }
    const ms = Math.round(performance.now() - started);
    if (failure) {
      if (failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined) budget.pauseUntil(Date.now() + failure.retryAfterMs);
      log({ level: 'warn', event: 'twenty.call_failed', endpoint, operation, ms, kind: failure.kind, message: failure.message });
      throw failure;
    }
    // One line per call would flood the log during a paging pass; slow calls are worth a line.
    if (ms > SLOW_CALL_MS) log({ level: 'info', event: 'twenty.slow_call', endpoint, operation, ms });
    const parsed = request.schema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new TwentyError('upstream_error', `unexpected answer shape for ${operation} at "${where}"`);
    }
    return parsed.data;
  }

  return { runQuery, callCount: () => calls };
}
