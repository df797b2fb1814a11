// Shared helpers for the demo-workspace tests: a real sandbox on 127.0.0.1:0, a GraphQL client
// over HTTP, and a check that every document we send is valid on the captured Twenty v0.55 schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { startSandbox, type Sandbox, type SandboxHooks, type SandboxOptionsInput } from '@/sandbox/index';

export const API_KEY = 'test-sandbox-key';
export const ANCHOR = '2026-11-26';
export const FIXTURES = fileURLToPath(new URL('../../fixtures/twenty/', import.meta.url));

export function fixture<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(resolve(FIXTURES, path), 'utf8')) as T;
}

let captured: GraphQLSchema | null = null;
/** The real v0.55 schema (tests/fixtures/twenty/real/introspection-core.json). */
export function capturedSchema(): GraphQLSchema {
  captured ??= buildClientSchema(fixture<{ response: { body: { data: IntrospectionQuery } } }>('real/introspection-core.json').response.body.data);
  return captured;
}

export function assertValidOnCapture(query: string): void {
  const errors = validate(capturedSchema(), parse(query));
  if (errors.length > 0) throw new Error(`document is not valid on the captured Twenty schema: ${errors.map((e) => e.message).join('; ')}\n${query}`);
}

/** A demo workspace on a free port; Twenty 2.21 unless `twentyVersion` says otherwise. */
export function start(options: Partial<SandboxOptionsInput> = {}, hooks: SandboxHooks = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, apiKey: API_KEY, anchor: ANCHOR, rateLimit: 100_000, ...options }, hooks);
}

export type Reply = { status: number; headers: Headers; body: Record<string, unknown> & { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };

export type PostOptions = {
  variables?: Record<string, unknown>;
  /** Bearer token; null sends no Authorization header. */
  key?: string | null;
  accept?: string;
  /** Set false for documents that are not meant to exist on v0.55 (groupBy, 2.21-only fields, renamed stages, invalid ones). */
  capture?: boolean;
};

export async function post(sandbox: Sandbox, path: '/graphql' | '/metadata', query: string, opts: PostOptions = {}): Promise<Reply> {
  if (path === '/graphql' && opts.capture !== false) assertValidOnCapture(query);
  const key = opts.key === undefined ? API_KEY : opts.key;
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...(opts.accept ? { Accept: opts.accept } : {}),
    },
    body: JSON.stringify({ query, variables: opts.variables ?? {} }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply['body'] };
}

export const gql = (sandbox: Sandbox, query: string, opts?: PostOptions) => post(sandbox, '/graphql', query, opts);

/** Data of a successful reply; fails loudly with the errors otherwise. */
export function dataOf<T>(reply: Reply): T {
  if (reply.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body.errors)}`);
  return reply.body.data as T;
}

export const decodeCursor = (cursor: string): unknown => JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
