// What 2.21's direct execution learns from a document before running it: the root fields (through
// fragments), which of them it refuses up front (an argument the field does not take, a role that
// cannot read a selected object) and which crash on a directive variable it never resolves.
import {
  getNamedType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { invalidInput, permissionDenied } from '@/sandbox/graphql/errors';

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/** The operation's root field nodes, with inline fragments and spreads flattened. */
export function rootFieldNodes(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = fragmentsOf(document);
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return out;
}

/** Twenty 2.21 reads `@include/@skip(if: $var)` from an undefined variables object, and crashes. */
function directiveCrash(directives: readonly DirectiveNode[] | undefined): Error | null {
  for (const d of directives ?? []) {
    if (d.name.value !== 'include' && d.name.value !== 'skip') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    if (arg?.value.kind === Kind.VARIABLE) return new Error(`Cannot read properties of undefined (reading '${arg.value.name.value}')`);
  }
  return null;
}

type Walk = { fragments: Map<string, FragmentDefinitionNode>; schema: GraphQLSchema; forbidden: ReadonlySet<string> };

/** The first error the field's subtree raises: a directive variable, or an object the role cannot read. */
function subtreeError(set: SelectionSetNode | undefined, parent: GraphQLObjectType | null, walk: Walk, seen: ReadonlySet<string>): Error | null {
  for (const s of set?.selections ?? []) {
    const crash = directiveCrash(s.directives);
    if (crash) return crash;
    let inner: Error | null = null;
    if (s.kind === Kind.FIELD) {
      const def = parent?.getFields()[s.name.value];
      const named = def ? getNamedType(def.type) : null;
      if (named && walk.forbidden.has(named.name)) return permissionDenied();
      inner = subtreeError(s.selectionSet, named && isObjectType(named) ? named : null, walk, seen);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      inner = subtreeError(s.selectionSet, parent, walk, seen);
    } else {
      const fragment = walk.fragments.get(s.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        inner = directiveCrash(fragment.directives) ?? subtreeError(fragment.selectionSet, parent, walk, new Set([...seen, fragment.name.value]));
      }
    }
    if (inner) return inner;
  }
  return null;
}

/**
 * Errors 2.21 answers for a root field without running it, by response key. `forbidden` names
 * the object types (and their connections) the caller's role cannot read; `refuseAll` is set for
 * a role that cannot run the operation at all (a read-only key sending a mutation).
 */
export function preflightErrors(
  document: DocumentNode,
  fields: readonly FieldNode[],
  root: GraphQLObjectType,
  schema: GraphQLSchema,
  opts: { forbidden: ReadonlySet<string>; refuseAll: boolean },
): Map<string, Error> {
  const walk: Walk = { fragments: fragmentsOf(document), schema, forbidden: opts.forbidden };
  const errors = new Map<string, Error>();
  for (const field of fields) {
    const key = field.alias?.value ?? field.name.value;
    const def = root.getFields()[field.name.value];
    if (!def) continue;
    const unknownArg = field.arguments?.find((a) => !def.args.some((d) => d.name === a.name.value));
    const named = getNamedType(def.type);
    const error =
      directiveCrash(field.directives) ??
      (unknownArg ? invalidInput(`Argument not allowed: ${unknownArg.name.value}`, 'INVALID_QUERY_INPUT') : null) ??
      (opts.refuseAll || opts.forbidden.has(named.name) ? permissionDenied() : null) ??
      subtreeError(field.selectionSet, isObjectType(named) ? named : null, walk, new Set());
    if (error) errors.set(key, error);
  }
  return errors;
}
