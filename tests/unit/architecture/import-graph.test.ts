import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cyclesOf, edgesOf, isServerOnly, lineCount, productFiles, ROOT } from './graph';

// The rules the layout promises (README "Map of the code"), checked on the sources so that an
// import that breaks one fails here rather than in a review. Type-only imports count too: they
// tie a folder to another's vocabulary just the same.

const FILES = productFiles();
const EDGES = edgesOf(FILES);

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isBrowser = (file: string) => under('lib/client')(file) || under('components')(file);
const isServer = (file: string) => (under('lib')(file) && !under('lib/client')(file)) || isServerOnly(file);
const show = (edges: ReadonlyArray<{ from: string; to: string }>) => edges.map(({ from, to }) => `${from} → ${to}`);

/**
 * Cycles found when this test was written, each closed only by a type import (so nothing loads
 * in a loop), in the demo workspace, which was being reworked at the time. Break them, then delete
 * the entry: the test fails while a listed cycle is gone, so this list only shrinks.
 */
const KNOWN_CYCLES: Readonly<Record<string, string>> = {
  'sandbox/http/auth.ts ⇄ sandbox/http/faults.ts ⇄ sandbox/http/responses.ts ⇄ sandbox/options.ts ⇄ sandbox/rate-limit.ts':
    'options.ts imports faults.ts for its schema, and four files import the TwentyVersion type back from options.ts',
  'sandbox/metadata/field-events.ts ⇄ sandbox/metadata/workspace-metadata.ts': 'field-events.ts imports the FieldMeta type back',
};

/** Files allowed past MAX_LINES, each with the reason it is not split. Keep it empty if you can. */
const LONG_FILE_EXCEPTIONS: Readonly<Record<string, string>> = {};
const MAX_LINES = 200;

describe('imports', () => {
  test('the graph is read (a broken reader would pass every rule)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(EDGES.length).toBeGreaterThan(FILES.length);
  });

  test('lib/ never imports components/ or tests/', () => {
    expect(show(EDGES.filter((e) => under('lib')(e.from) && (under('components')(e.to) || under('tests')(e.to))))).toEqual([]);
  });

  test('nothing in the product imports tests/', () => {
    expect(show(EDGES.filter((e) => under('tests')(e.to)))).toEqual([]);
  });

  test('no server module imports a browser module', () => {
    expect(show(EDGES.filter((e) => isServer(e.from) && isBrowser(e.to)))).toEqual([]);
  });

  test('lib/access takes its inputs: nothing from lib/server', () => {
    expect(show(EDGES.filter((e) => under('lib/access')(e.from) && under('lib/server')(e.to)))).toEqual([]);
  });

  test('no import cycles among product files, except those listed to be broken', () => {
    const cycles = cyclesOf(EDGES).map((cycle) => cycle.join(' ⇄ '));
    expect(cycles.filter((cycle) => !(cycle in KNOWN_CYCLES))).toEqual([]);
    for (const cycle of Object.keys(KNOWN_CYCLES)) expect(cycles, `${cycle} is broken now: drop it from KNOWN_CYCLES`).toContain(cycle);
  });
});

describe('files and folders', () => {
  test(`no product file is over ${MAX_LINES} lines, except those listed with a reason`, () => {
    const long = productFiles(/\.(tsx?|css)$/).filter((file) => lineCount(file) > MAX_LINES && !(file in LONG_FILE_EXCEPTIONS));
    expect(long.map((file) => `${file}: ${lineCount(file)} lines`)).toEqual([]);
    for (const file of Object.keys(LONG_FILE_EXCEPTIONS)) expect(lineCount(file), `${file} is short now: drop its exception`).toBeGreaterThan(MAX_LINES);
  });

  test('each lib/ folder and sandbox/ opens with a README.md (what it owns, what it never imports)', () => {
    const hasFiles = (dir: string): boolean =>
      readdirSync(join(ROOT, dir)).some((name) => !statSync(join(ROOT, dir, name)).isDirectory() || hasFiles(`${dir}/${name}`));
    const folders = readdirSync(join(ROOT, 'lib'))
      .map((name) => `lib/${name}`)
      .filter((dir) => statSync(join(ROOT, dir)).isDirectory() && hasFiles(dir));
    const missing = [...folders, 'sandbox'].filter((dir) => !existsSync(join(ROOT, dir, 'README.md')));
    expect(missing).toEqual([]);
  });
});
