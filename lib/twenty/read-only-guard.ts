import { BREAK, Kind, parse, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { TwentyError } from '@/lib/twenty/errors';

// The dashboard is read-only by construction: every document we send passes through here, and
// anything but a single query operation is refused before it can reach the network. So is a
// directive that takes a variable: Twenty 2.21 crashes on `@include(if: $x)` (a literal works).

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
  const directive = directiveOnVariable(document);
  if (directive) throw new TwentyError('rejected', `refusing @${directive} with a variable argument (Twenty 2.21 crashes on it)`);
  return document;
}

function containsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(containsVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((f) => containsVariable(f.value));
  return false;
}

/** The name of the first directive whose arguments use a variable, if any. */
export function directiveOnVariable(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    Directive(node) {
      if (!(node.arguments ?? []).some((arg) => containsVariable(arg.value))) return undefined;
      found = node.name.value;
      return BREAK;
    },
  });
  return found;
}
