import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

const root = fileURLToPath(new URL('../../../fixtures/twenty/', import.meta.url));

export function readFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(`${root}${relativePath}`, 'utf8'));
}

type Captured = { response: { body: { data: IntrospectionQuery } } };

let core: GraphQLSchema | undefined;
let metadata: GraphQLSchema | undefined;
let core221: GraphQLSchema | undefined;

/** The real Twenty 2.21 workspace schema (real-2.21/introspection-core.json). */
export function v221CoreSchema(): GraphQLSchema {
  core221 ??= buildClientSchema((readFixture('real-2.21/introspection-core.json') as Captured).response.body.data);
  return core221;
}

/** The real v0.55 workspace schema (introspection-core.json). */
export function v055CoreSchema(): GraphQLSchema {
  core ??= buildClientSchema((readFixture('real/introspection-core.json') as Captured).response.body.data);
  return core;
}

export function v055MetadataSchema(): GraphQLSchema {
  metadata ??= buildClientSchema((readFixture('real/introspection-metadata.json') as Captured).response.body.data);
  return metadata;
}
