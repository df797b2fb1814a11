import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dashboardsFileSchema, type DashboardConfig } from './dashboard-schema';
import { ConfigError } from './errors';

// The dashboards file: read, checked, and (through dashboardsOf) held once per process. Light on
// purpose: proxy.ts takes its dashboards from here, so it must import nothing of the server graph.

/** Reads and validates the dashboards file; throws ConfigError naming the bad key. */
export function loadDashboards(path: string, cwd = process.cwd()): DashboardConfig[] {
  const full = resolve(cwd, path);
  let text: string;
  try {
    // Read at run time from the operator's path; nothing to trace into the build.
    text = readFileSync(/*turbopackIgnore: true*/ full, 'utf8');
  } catch {
    throw new ConfigError(`Invalid setting: DASHBOARDS_CONFIG cannot read ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Invalid setting: DASHBOARDS_CONFIG ${path} is not valid JSON (${(e as Error).message})`);
  }
  const parsed = dashboardsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new ConfigError(`Invalid setting: ${path} ${where ? `"${where}" ` : ''}${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data.dashboards;
}

// On globalThis because Next loads proxy.ts and the routes as separate module graphs: both must
// see the very map the server's context serves, read once, never two reads that could differ.
const KEY = Symbol.for('pipeline-wall.dashboards');
type Holder = { [KEY]?: Map<string, Map<string, DashboardConfig>> };

/** The dashboards of the file at `path` by slug, read on first use and then held for the process. */
export function dashboardsOf(path: string): Map<string, DashboardConfig> {
  const holder = globalThis as Holder;
  const byFile = (holder[KEY] ??= new Map());
  // Keyed by the setting as written: every caller passes DASHBOARDS_CONFIG itself.
  let dashboards = byFile.get(path);
  if (!dashboards) {
    dashboards = new Map(loadDashboards(path).map((d) => [d.slug, d]));
    byFile.set(path, dashboards);
  }
  return dashboards;
}
