// Root fields of a document, counted the way Twenty's complexity hook counts them: by field name
// (aliases do not matter), through fragments, across every operation in the document.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RootField } from '@/sandbox/rate-limit';

function collect(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>, out: RootField[]): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) out.push({ key: selection.alias?.value ?? selection.name.value, name: selection.name.value });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, fragments, seen, out);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) collect(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]), out);
    }
  }
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

export function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode | null | undefined): RootField[] {
  const out: RootField[] = [];
  if (operation) collect(operation.selectionSet, fragmentsOf(document), new Set(), out);
  return out;
}
