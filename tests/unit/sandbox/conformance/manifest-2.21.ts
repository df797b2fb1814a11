// Which real-2.21 captures the conformance suite replays, as whom, against which workspace, and
// whether their data (not only their shape) is reproducible there. The caller and the workspace
// follow from the file name; DATA lists the captures whose answer depends only on what the replica
// (replica.ts) knows. A capture added to a replayed folder is replayed without an edit here.
import type { DataMode } from '@/tests/unit/sandbox/conformance/compare';
import { VIEWS_DATA } from '@/tests/unit/sandbox/conformance/manifest-views-2.21';

/** The folders (and name prefixes) of real-2.21/ that are replayed request by request. */
export const REPLAYED_221 = [
  'misc/', 'groupby/', 'auth/', 'rate-limit/',
  'views-dashboards/q1-', 'views-dashboards/q2-', 'views-dashboards/q4-', 'views-dashboards/q5-',
  'seed-create-', 'many-groups-create-', 'count-empty-amount-semantics-', 'webhook-create-',
  // Pipeline Wall's own calls to the real server (as far as they are copied here)
  'app-exchanges/0',
];

/** Files in those folders that are not one request each, with the test that covers them instead. */
export const SPECIAL_221: Record<string, string> = {
  'misc/_summary.json': 'a digest of the misc/ answers (each file is replayed)',
  'groupby/_summary.json': 'a digest of the groupby/ answers (each file is replayed)',
  'views-dashboards/q2-_summary.json': 'a digest of the q2 group-by answers (each file is replayed)',
  'rate-limit/sequence.json': 'the 101-call run: replayed call by call at its captured times (rate-limit sequence test)',
  'count-empty-amount-semantics-probes.json': 'four probe records and their aggregates: created and checked by the probes test',
};

/**
 * Files of real-2.21/ the request-by-request replay leaves out, with the reason (and the tests
 * that cover them when there are any). Prefixes of paths.
 */
export const NOT_REPLAYED_221: Record<string, string> = {
  'FINDINGS.md': 'the report of the capture run',
  'README.md': 'the index of the captures',
  'introspection-core.json': 'the full schema: the demo workspace serves the trimmed one (scripts/gen-sandbox-schema.ts); used by lib/twenty tests',
  'webhooks/': 'deliveries the server sent, not requests to it: tests/unit/sandbox/webhook-conformance-*.test.ts (sandbox writes)',
  'app-exchanges/upstream-calls.jsonl': "the proxy's list of Pipeline Wall's calls, not requests with answers",
  'app-answers/': "Pipeline Wall's own answers: app tests",
  'views-dashboards/q3-': 'page layouts and chart data of the captured workspace (its layouts, 460 deals and companies are not rebuilt): replayed with this workspace\'s ids, shapes, errors and seed-computed values compared, in tests/unit/sandbox/dashboards-*.test.ts',
  'views-dashboards/00-setup-': 'the read-only role and key of the second run: made with user-only /metadata mutations the demo workspace does not have (its keys are options)',
  'charts/': "chart data, aggregate numbers, rate limit and layouts of the third run (a different workspace: 155 deals, its own ids): mapped onto the wall's widgets in tests/unit/twenty/board/*.test.ts and classified in tests/unit/twenty/classify.test.ts; the demo workspace's chart-data answers are held to every bar-/line-/pie-/seed-/forbidden-/opportunity-*-pointOfContact chart capture (shape, errors, label formats, orders, caps; company and rocket charts named there as data only) in tests/unit/sandbox/dashboards-real-charts.test.ts",
};

export type Caller = 'admin' | 'readOnly' | 'user' | 'none' | 'malformed' | 'jwt' | 'revoked';
/**
 * initial/r300/r460: the replica at 300 records before the latency steps (groupby/ was captured
 * then), at 300 after step 2 (misc/), at 460 (the second run); blocked: a workspace whose rate limit is exhausted;
 * scratch: a throwaway one for writes; hooks: one that registers webhooks and then writes nothing
 * (the captured targets are local addresses that must never receive a delivery); views: r460 with
 * the run's saved views as it ended (views-replica.ts), its clock at the capture; views-scratch: the
 * same before G's deletion, for the view writes.
 */
export type Target = 'initial' | 'r300' | 'r460' | 'blocked' | 'scratch' | 'hooks' | 'views' | 'views-scratch';
export type Plan = { caller: Caller; target: Target; data?: DataMode };

const AUTH_CALLERS: [RegExp, Caller][] = [
  [/^auth\/malformed-key-/, 'malformed'],
  [/^auth\/(bad-signature|hs256-forged)-/, 'jwt'],
  [/^auth\/no-authorization-header-/, 'none'],
  [/^auth\/revoked-key-/, 'revoked'],
  [/^auth\/(user-access-token-|revoke-api-key)/, 'user'],
];

function callerOf(file: string): Caller {
  for (const [pattern, caller] of AUTH_CALLERS) if (pattern.test(file)) return caller;
  if (/-user-token\.json$|^rate-limit\/user-token-|^views-dashboards\/q4-setup-|^webhook-create-/.test(file)) return 'user';
  // The saved views of the run were made with the user token; only the read-only key's attempts say otherwise.
  if (/^views-dashboards\/q[12]-/.test(file) && !file.endsWith('-readonly-key.json')) return 'user';
  if (/^rate-limit\/admin-key-|^(seed-create|many-groups-create)-/.test(file)) return 'admin';
  // misc/, groupby/ and the rest were sent with the README's read-only key.
  return 'readOnly';
}

function targetOf(file: string): Target {
  if (file.startsWith('rate-limit/') || file === 'app-exchanges/0043.json') return 'blocked';
  if (/^views-dashboards\/q[12]-(create|update|delete)/.test(file)) return 'views-scratch';
  if (/^views-dashboards\/q[12]-/.test(file)) return 'views';
  if (/^(seed-create|many-groups-create)-/.test(file)) return 'scratch';
  if (file.startsWith('webhook-create-')) return 'hooks';
  if (file.startsWith('views-dashboards/') || file.includes('after-460-records') || file.startsWith('misc/directive-include-literal-') || file === 'app-exchanges/0041.json') return 'r460';
  if (file.startsWith('groupby/') || file.startsWith('count-empty-amount-')) return 'initial';
  return 'r300';
}

/** Captures whose data the replica reproduces, and how lists are compared. */
const DATA: Record<string, DataMode> = {
  // ids in id order, totals, cursors of the 300 records
  'misc/first-500.json': 'exact',
  'misc/first-200.json': 'exact',
  'misc/no-first.json': 'exact',
  'misc/offset-arg.json': 'exact',
  'misc/directive-include-literal-true.json': 'exact',
  'misc/directive-include-literal-false.json': 'exact',
  'misc/roots-opps-and-company-one.json': 'exact',
  'auth/user-access-token-graphql.json': 'exact',
  // counts from the per-stage dev-seed counts and the fixture deals
  'misc/stage-eq-enum.json': 'exact',
  'misc/stage-in-quoted-inline.json': 'exact',
  'misc/stage-in-variable-strings.json': 'exact',
  'misc/stage-neq.json': 'exact',
  'count-empty-amount-semantics-1.json': 'exact',
  'count-empty-amount-semantics-2.json': 'exact',
  // groups whose counts and sums follow from owners, stages and per-stage sums
  'groupby/empty-groupby.json': 'exact',
  'groupby/deleted-included-when-filter-names-deletedAt.json': 'exact',
  'groupby/owner-relation.json': 'unordered',
  'groupby/stage-ordered-by-count.json': 'exact',
  // per-stage counts, sums and priced counts (before the latency steps)
  'groupby/stage.json': 'unordered',
  'groupby/viewId-random.json': 'unordered',
  'groupby/stage-ordered-by-stage.json': 'exact',
  // weeks of the History deals, by weekStartDay and zone (Sunday in New York crosses a DST change)
  'views-dashboards/q4-closeDate-week-ny-monday-ordered-user-token.json': 'exact',
  'views-dashboards/q4-closeDate-week-ny-sunday-ordered-user-token.json': 'exact',
  'views-dashboards/q4-closeDate-week-readonly-key.json': 'exact',
  'views-dashboards/q4-owner-createdAt-week-user-token.json': 'unordered',
  'views-dashboards/q4-ownerId-key-inline-user-token.json': 'unordered',
  'views-dashboards/q4-ownerId-key-user-token.json': 'unordered',
  'views-dashboards/q4-ownerId-key-variable-readonly-key.json': 'unordered',
  'views-dashboards/q4-owner-firstName-user-token.json': 'unordered',
  'views-dashboards/q4-owner-firstName-readonly-key.json': 'unordered',
  'views-dashboards/q4-owner-firstName-and-lastName-two-items-user-token.json': 'unordered',
  'views-dashboards/q4-orderBy-owner-firstName-desc-user-token.json': 'exact',
  'views-dashboards/q4-orderBy-stage-desc-user-token.json': 'group-order',
  'views-dashboards/q4-createdAt-week-paris-sunday-user-token.json': 'exact',
  'views-dashboards/q4-setup-assign-owner-phil.json': 'unordered',
  'views-dashboards/q4-setup-assign-owner-jony.json': 'unordered',
  'views-dashboards/q5-opportunities-with-owner-relation-readonly-key.json': 'exact',
  'views-dashboards/q5-opportunities-with-owner-relation-user-token.json': 'exact',
  'views-dashboards/q5-workspaceMember-one-readonly-key.json': 'exact',
  // the batch creates answer every record as created (ids are the server's own)
  'seed-create-opportunities-batch1.json': 'ids-masked',
  'seed-create-opportunities-batch2.json': 'ids-masked',
  'many-groups-create-batch1.json': 'ids-masked',
  'many-groups-create-batch2.json': 'ids-masked',
  ...VIEWS_DATA,
};

export function planFor(file: string): Plan {
  return { caller: callerOf(file), target: targetOf(file), data: DATA[file] };
}

export const isReplayed221 = (file: string) => REPLAYED_221.some((prefix) => file.startsWith(prefix)) && !(file in SPECIAL_221);
