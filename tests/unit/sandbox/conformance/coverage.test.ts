// Every capture file is either replayed by the conformance suite or listed as left out, with a
// reason: a capture added to tests/fixtures/twenty brings its test with it (or must be listed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { casesOf, filesUnder, readJson, REAL_055, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';
import { NOT_REPLAYED_055 } from '@/tests/unit/sandbox/conformance/manifest-0.55';
import { isReplayed221, NOT_REPLAYED_221, REPLAYED_221, SPECIAL_221 } from '@/tests/unit/sandbox/conformance/manifest-2.21';

const listed = (file: string, skips: Record<string, string>) => Object.keys(skips).some((prefix) => file.startsWith(prefix));

test('every real-2.21 capture in the repository is replayed, tested on its own, or listed with a reason', () => {
  const orphans = filesUnder(REAL_221).filter((f) => !isReplayed221(f) && !(f in SPECIAL_221) && !listed(f, NOT_REPLAYED_221));
  expect(orphans).toEqual([]);
});

test('every real (v0.55) capture file is replayed (it holds at least one request) or listed with a reason', () => {
  const orphans = filesUnder(REAL_055).filter((f) => !listed(f, NOT_REPLAYED_055) && (!f.endsWith('.json') || casesOf(readJson(join(REAL_055, f))).length === 0));
  expect(orphans).toEqual([]);
});

test('nothing is both replayed and listed as left out', () => {
  expect(Object.keys(SPECIAL_221).filter((f) => listed(f, NOT_REPLAYED_221))).toEqual([]);
  expect(REPLAYED_221.filter((prefix) => listed(prefix, NOT_REPLAYED_221))).toEqual([]);
});

// The source captures (../shared in CI and on the team's machines) may gain files: each one in a
// replayed folder must have been copied here, so that it is replayed.
const SHARED = join(process.cwd(), '..', 'shared', 'twenty-fixtures', 'real-2.21');
test.skipIf(!existsSync(SHARED))('every shared real-2.21 capture of a replayed folder has been copied into the repository', () => {
  const copied = new Set(filesUnder(REAL_221));
  const missing = filesUnder(SHARED).filter((f) => REPLAYED_221.some((prefix) => f.startsWith(prefix)) && !copied.has(f));
  expect(missing).toEqual([]);
});
