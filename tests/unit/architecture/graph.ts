import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// The product's import graph, read from the sources with the TypeScript parser (no bundler, no
// new dependency). Paths are relative to the repository root, with forward slashes.

export const ROOT = resolve(__dirname, '../../..');

/** What the product is: everything that ships or runs the app, the demo workspace included. */
export const PRODUCT_DIRS = ['app', 'components', 'lib', 'sandbox'];
export const PRODUCT_ROOT_FILES = ['proxy.ts', 'instrumentation.ts', 'server.ts'];

export type Edge = { from: string; to: string; typeOnly: boolean };

const SOURCE = /\.tsx?$/;

function walk(dir: string, pattern: RegExp, out: string[]): void {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) walk(path, pattern, out);
    else if (pattern.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
}

/** The product's TypeScript sources (or, with a pattern, its other files such as stylesheets). */
export function productFiles(pattern: RegExp = SOURCE): string[] {
  const files: string[] = [];
  for (const dir of PRODUCT_DIRS) walk(dir, pattern, files);
  return [...files, ...PRODUCT_ROOT_FILES.filter((file) => pattern.test(file) && existsSync(join(ROOT, file)))].sort();
}

type Specifier = { spec: string; typeOnly: boolean };

/** import / export … from / import() / import x = require(), with whether only types cross. */
export function specifiersOf(file: string): Specifier[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const found: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const namedTypesOnly = !!clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name &&
        clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly);
      found.push({ spec: node.moduleSpecifier.text, typeOnly: !!clause?.isTypeOnly || namedTypesOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ spec: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository file a local specifier names, or null for a package. */
export function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(from), spec)) : null;
  if (base === null) return null;
  const candidates = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base];
  const hit = candidates.find((path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile());
  if (!hit) throw new Error(`${from}: cannot resolve ${spec}`);
  return hit.split('\\').join('/');
}

export function edgesOf(files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const from of files) {
    for (const { spec, typeOnly } of specifiersOf(from)) {
      const to = resolveLocal(from, spec);
      if (to) edges.push({ from, to, typeOnly });
    }
  }
  return edges;
}

export function isServerOnly(file: string): boolean {
  return /^import\s+['"]server-only['"]/m.test(readFileSync(join(ROOT, file), 'utf8'));
}

export function lineCount(file: string): number {
  return readFileSync(join(ROOT, file), 'utf8').split('\n').filter((line, i, all) => i < all.length - 1 || line !== '').length;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cyclesOf(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  return cycles;
}
