import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The id of the running build (Next's .next/BUILD_ID), read once. /api/health exposes it so a TV
// can tell that a new version was deployed and reload itself.

let cached: string | undefined;

export function getBuildId(): string {
  if (cached !== undefined) return cached;
  try {
    cached = readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim() || 'development';
  } catch {
    cached = 'development';
  }
  return cached;
}
