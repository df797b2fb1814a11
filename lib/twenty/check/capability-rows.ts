import type { Capabilities } from '@/lib/twenty/capabilities';
import { row, type Row } from '@/lib/twenty/check/report';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';

// What the server can do, in the words of the dashboards file. Absent features are notes, not
// problems: the wall has a path for each (see lib/twenty/README.md).

/** `getViews` among /metadata's query fields; null when that list could not be read. */
export type ViewSupport = { metadataGetViews: boolean | null };

const yesNo = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');

function groupByRows(caps: Capabilities): Row[] {
  if (!caps.groupBy) {
    return [
      row('note', 'groupBy', 'no (Twenty before 1.x): the wall totals with per-stage aggregates, which take many more calls per refresh'),
      row('skip', 'time zones', 'no group-by on this server'),
    ];
  }
  const extras = caps.groupByArgs.filter((a) => a !== 'groupBy' && a !== 'filter');
  const args = extras.length > 0 ? ` with ${extras.join(', ')}` : '';
  const limit = caps.groupByArgs.includes('limit') ? 'ok' : 'warn';
  const limitNote = limit === 'ok' ? '' : ': no `limit` argument, so Twenty answers at most 50 groups and bigger dashboards fall back to aggregates';
  return [
    row(limit, 'groupBy', `yes: opportunitiesGroupBy${args}${limitNote}`),
    caps.groupByTimeZone
      ? row('ok', 'time zones', "yes: Twenty buckets months in each dashboard's timeZone")
      : row('note', 'time zones', 'no: group-by months would be UTC months, so the wall totals with per-stage aggregates instead (more calls per refresh)'),
  ];
}

function introspectionRows(caps: Capabilities): Row[] {
  if (!('assumed' in caps) || caps.assumed !== true) return [];
  return [row('warn', 'introspection', "refused: the wall assumes the newest Twenty and learns from the first refusal; the lines below are that assumption")];
}

function ownerRow(caps: Capabilities, ownerDashboards: readonly string[]): Row {
  if (caps.ownerFilter) return row('ok', 'owner', 'yes: opportunities have an owner (ownerId), so filter.ownerIds and the "owner" field (owners leaderboard) work');
  const text = 'no: opportunities have no owner here (Twenty before 1.16), so filter.ownerIds cannot be used';
  if (ownerDashboards.length === 0) return row('note', 'owner', text);
  return row('warn', 'owner', `${text}, and owners need a newer Twenty: ${ownerDashboards.join(', ')} show no owners leaderboard`);
}

/** `ownerDashboards`: slugs whose fields include "owner". */
export function capabilityRows(caps: Capabilities, views: ViewSupport, stageOptions: StageOptionsResult, ownerDashboards: readonly string[] = []): Row[] {
  const viewId = caps.groupByArgs.includes('viewId');
  const stages = stageOptions.options.map((o) => o.value).join(', ');
  return [
    ...introspectionRows(caps),
    ...groupByRows(caps),
    ownerRow(caps, ownerDashboards),
    row(viewId || views.metadataGetViews ? 'ok' : 'note', 'views', `viewId on group-by: ${yesNo(caps.groupBy ? viewId : false)} · getViews on /metadata: ${yesNo(views.metadataGetViews)}`),
    stageOptions.source === 'metadata'
      ? row('ok', 'stages', `${stages} (from /metadata; stage filter ${caps.stageFilter.typeName})`)
      : row('warn', 'stages', `/metadata stage options not readable: the wall assumes Twenty's defaults (${stages})`),
  ];
}
