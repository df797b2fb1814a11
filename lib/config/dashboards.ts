import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dashboardsFileSchema, type DashboardConfig } from './dashboard-schema';
import { ConfigError } from './errors';

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
