// Loading the real-Twenty captures the conformance suite replays: real-2.21/ (one request per
// file) and real/ (v0.55: several named cases per file). Every file is `{request, response}`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/twenty/', import.meta.url));
export const REAL_221 = join(FIXTURES, 'real-2.21');
export const REAL_055 = join(FIXTURES, 'real');

const requestSchema = z.object({
  method: z.string().optional(),
  path: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).nullish(), operationName: z.string().nullish() }),
});
export const captureSchema = z.object({
  request: requestSchema,
  response: z.object({ status: z.number(), body: z.unknown() }),
});
export type Capture = z.infer<typeof captureSchema>;

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every file below `dir`, as paths relative to `root`, sorted. */
export function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
    })
    .sort();
}

export const loadCapture = (root: string, file: string): Capture => captureSchema.parse(readJson(join(root, file)));

/** The `{request, response}` cases nested anywhere in a v0.55 capture file, by dotted path. */
export function casesOf(value: unknown, path: string[] = []): { name: string; capture: Capture }[] {
  const parsed = captureSchema.safeParse(value);
  if (parsed.success) return [{ name: path.join('.') || '(file)', capture: parsed.data }];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => casesOf(inner, [...path, key]));
}
