import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { TwentyError } from '@/lib/twenty/errors';

// The dashboard is read-only by construction: every document we send passes through here, and
// anything but a single query operation is refused before it can reach the network.

export function assertReadOnlyDocument(source: string | DocumentNode): DocumentNode {
  let document: DocumentNode;
  try {
    document = typeof source === 'string' ? parse(source) : source;
  } catch (err) {
    throw new TwentyError('rejected', `refusing an unparseable document (${err instanceof Error ? err.message : 'parse error'})`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) {
    throw new TwentyError('rejected', `refusing a document with ${operations.length} operations; exactly one query is allowed`);
  }
  const notQuery = operations.find((op) => op.operation !== 'query');
  if (notQuery) throw new TwentyError('rejected', `refusing a ${notQuery.operation}: this client only reads`);
  const other = document.definitions.find((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION);
  if (other) throw new TwentyError('rejected', `refusing a document containing ${other.kind}`);
  return document;
}
