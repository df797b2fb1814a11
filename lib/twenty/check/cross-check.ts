import type { FetchStrategy } from '@/lib/pipeline/types';
import type { Capabilities } from '@/lib/twenty/capabilities';
import type { DashboardRun } from '@/lib/twenty/check/dashboards';
import { compareGroups } from '@/lib/twenty/check/compare';
import { explainDashboardFailure } from '@/lib/twenty/check/explain';
import type { RootFieldMeter } from '@/lib/twenty/check/meter';
import { countMatching } from '@/lib/twenty/check/probes';
import { row, type Row } from '@/lib/twenty/check/report';
import { dashboardScope } from '@/lib/twenty/check/scope';
import type { TwentyClient } from '@/lib/twenty/client';
import type { Transport } from '@/lib/twenty/transport';

// The same dashboard through a second strategy, forced on a second client: the numbers must be
// identical. Paging reads every deal, so the smallest dashboard is taken, and only when its pages
// fit in what the check has left; otherwise Twenty's own count for the filter is the second opinion.

export type CrossCheckDeps = {
  clientWith(strategy: FetchStrategy): TwentyClient;
  transport: Transport;
  caps: Capabilities;
  known: string[] | null;
  meter: RootFieldMeter;
  now: Date;
};

const LABEL = 'cross-check';

/** Pages of every deal in scope, plus the top-deals page the paging strategy reads apart. */
export function pagingCost(deals: number, caps: Capabilities): number {
  return Math.max(1, Math.ceil(deals / caps.pageSize)) + 1;
}

function countsRow(slug: string, names: [string, string], counts: [number, number], note: string): Row {
  const [a, b] = counts;
  if (a === b) return row('ok', LABEL, `${slug}: ${names[0]} and ${names[1]} agree on ${a} deals${note}`);
  return row('fail', LABEL, `${slug}: ${names[0]} counts ${a} deals, ${names[1]} ${b}${note}`);
}

export async function crossCheck(runs: readonly DashboardRun[], deps: CrossCheckDeps): Promise<Row> {
  const candidates = runs
    .filter((r): r is DashboardRun & { deals: number } => r.row.status !== 'fail' && r.deals !== null)
    .sort((x, y) => x.deals - y.deals);
  const pick = candidates[0];
  if (!pick) return row('skip', LABEL, 'no dashboard loaded, so there is nothing to compare');
  const slug = pick.dashboard.slug;
  const first = pick.data?.strategy ?? 'filter count';
  const cost = pagingCost(pick.deals, deps.caps);
  const refusals = deps.meter.refusals();
  let attempt = "paging (the wall's fallback strategy)";
  try {
    if (cost <= deps.meter.remaining() && first !== 'paging') {
      const second = await deps.clientWith('paging').fetchPipelineData(pick.dashboard, deps.now);
      const paged = second.groups.reduce((sum, g) => sum + g.count, 0);
      if (!pick.data) return countsRow(slug, ["Twenty's count for the filter", 'paging'], [pick.deals, paged], '');
      const cmp = compareGroups([first, 'paging'], pick.data.groups, second.groups, { byMonth: first !== 'aggregate' });
      const what = `${first} vs paging (${cost} root fields)`;
      if (cmp.same) return row('ok', LABEL, `${slug}: ${what} identical: ${cmp.deals} deals in ${cmp.buckets} stage × currency × month buckets (count, micros, priced deals)`);
      return row('fail', LABEL, `${slug}: ${what} differ in ${cmp.differing} of ${cmp.buckets} buckets: ${cmp.differences.join('; ')}`);
    }
    if (pick.data && deps.meter.remaining() >= 1) {
      attempt = "Twenty's count for the filter";
      const counted = await countMatching(deps.transport, await dashboardScope(pick.dashboard, deps));
      const note = ` (count only: paging it would take ${cost} root fields, ${deps.meter.remaining() + 1} were left)`;
      return countsRow(slug, [first, "Twenty's count for the filter"], [pick.deals, counted], note);
    }
    return row('warn', LABEL, `not run: paging ${slug} would take ${cost} root fields, ${deps.meter.remaining()} are left`);
  } catch (err) {
    if (deps.meter.refusals() > refusals) return row('warn', LABEL, `not finished: the check's ${deps.meter.figures().cap} root fields are spent`);
    return row('fail', LABEL, `${slug} through ${attempt}: ${explainDashboardFailure(err, slug)}`);
  }
}
