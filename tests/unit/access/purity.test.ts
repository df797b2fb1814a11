import { expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// lib/access decides from the inputs it is handed, and proxy.ts (which runs before every page)
// loads none of the server: no context, cache, live engine, Twenty client, Redis or Apollo.
// Read from the sources, so a new import that breaks either rule fails here, not in production.

const ROOT = resolve(__dirname, '../../..');
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

/** What a file loads at run time (type-only imports load nothing). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (spec && !m[2]) found.push(spec);
  }
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && !p.endsWith('/'));
  if (!hit) throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`);
  return hit;
}

/** Every file and package reached from `entry` through run-time imports. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      const local = resolveLocal(file, spec);
      if (local) visit(local);
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

test('lib/access reaches for nothing: no server, no environment, no request scope, no process state', () => {
  const dir = join(ROOT, 'lib/access');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  for (const name of files) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const spec of importsOf(join(dir, name))) {
      expect(spec, name).not.toMatch(/^@\/lib\/server\/|^@\/lib\/config\/env$|^next\/headers$/);
    }
    expect(source.includes('globalThis'), `${name} keeps process state`).toBe(false);
  }
});

test('proxy.ts loads none of the server graph', () => {
  const { files, packages } = closure(join(ROOT, 'proxy.ts'));
  expect(files.has('lib/access/gate.ts')).toBe(true); // the walk does reach the gate
  const server = [...files].filter((f) => /^lib\/(cache|live|twenty|pipeline)\/|^lib\/server\/context\.ts$|^sandbox\//.test(f));
  expect(server).toEqual([]);
  expect([...packages].filter((p) => /^(ioredis|@apollo\/|graphql|rxjs)/.test(p))).toEqual([]);
});
