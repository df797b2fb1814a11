#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, end-to-end tests — every suite runs even when an
// earlier one fails, then one plain line sums them: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const only = process.argv.slice(2);
mkdirSync(join(root, 'reports'), { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, extraEnv = {}) {
  const t0 = Date.now();
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  lines.push(`${label}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function check(label, ok) {
  if (ok) tally.passed += 1;
  else tally.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(join(root, path), 'utf8'));
  } catch {
    return undefined;
  }
}

const want = (name) => only.length === 0 || only.includes(name);

if (want('typecheck')) check('typecheck', run('typecheck', bin('next'), ['typegen']) && run('tsc', bin('tsc'), ['--noEmit']));
if (want('lint')) check('lint', run('lint', bin('eslint'), ['.']));
if (want('unit')) {
  const ok = run('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
  const unit = readJson('reports/unit.json');
  if (unit) {
    tally.passed += unit.numPassedTests;
    tally.failed += unit.numFailedTests;
    tally.skipped += unit.numPendingTests + unit.numTodoTests;
    if (!ok && unit.numFailedTests === 0) tally.failed += 1; // a suite that failed to load
  } else check('unit', false);
}
if (want('e2e')) {
  const ready = run('chromium', process.execPath, ['scripts/ensure-chromium.mjs']) && run('build', bin('next'), ['build']);
  if (!ready) check('e2e setup', false);
  else {
    const ok = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json' });
    const e2e = readJson('reports/e2e.json');
    if (e2e?.stats) {
      tally.passed += e2e.stats.expected + e2e.stats.flaky;
      tally.failed += e2e.stats.unexpected;
      tally.skipped += e2e.stats.skipped;
      if (!ok && e2e.stats.unexpected === 0) tally.failed += 1;
    } else check('e2e', false);
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
