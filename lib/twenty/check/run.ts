import 'server-only';
import type { FetchStrategy } from '@/lib/pipeline/types';
import { createCallBudget } from '@/lib/twenty/budget';
import type { Capabilities } from '@/lib/twenty/capabilities';
import { displayUrl } from '@/lib/twenty/check/addresses';
import { capabilityRows } from '@/lib/twenty/check/capability-rows';
import { crossCheck } from '@/lib/twenty/check/cross-check';
import { checkDashboards } from '@/lib/twenty/check/dashboards';
import { explainOptionalRead, explainReachFailure, RATE_LIMIT_ADVICE } from '@/lib/twenty/check/explain';
import { createRootFieldMeter, type RootFieldMeter } from '@/lib/twenty/check/meter';
import { keyNotes, webhookNotes } from '@/lib/twenty/check/notes';
import { countRecords, metadataQueryFields } from '@/lib/twenty/check/probes';
import { checkLayouts } from '@/lib/twenty/check/layouts';
import { row, type CheckReport, type Row, type Section } from '@/lib/twenty/check/report';
import { knownStages } from '@/lib/twenty/check/scope';
import type { CheckSettings } from '@/lib/twenty/check/check-settings';
import { createTwentyClient, type TwentyClient } from '@/lib/twenty/client';
import { TwentyError } from '@/lib/twenty/errors';
import type { StageOptionsResult } from '@/lib/twenty/stage-options';
import { createTransport, type LogLine, type Transport } from '@/lib/twenty/transport';

// The whole check, in the order a user would debug it: can we reach Twenty with this key, what
// can the server do, does each dashboard load, do two strategies agree, what is left to set up.
// Every request goes through lib/twenty's transport, so the check can only ever read.

export type CheckInput = { settings: CheckSettings; now: Date; fetch?: typeof fetch; cap?: number };

type Wiring = {
  meter: RootFieldMeter;
  transport: Transport;
  client: TwentyClient;
  clientWith(strategy: FetchStrategy): TwentyClient;
  logs: LogLine[];
};

function wire(input: CheckInput): Wiring {
  const { settings } = input;
  const meter = createRootFieldMeter({ fetch: input.fetch ?? fetch, cap: input.cap });
  const logs: LogLine[] = [];
  // The meter is the check's limit; this budget only stops every call after Twenty says "limit reached".
  const budget = createCallBudget({ perMinute: 6000, burst: 1000, maxWaitMs: 0 });
  const common = { apiUrl: settings.apiUrl, apiKey: settings.apiKey, budget, timeoutMs: settings.timeoutMs, fetch: meter.fetch, log: (line: LogLine) => void logs.push(line) };
  return {
    meter,
    logs,
    transport: createTransport(common),
    client: createTwentyClient(common),
    clientWith: (strategy) => createTwentyClient({ ...common, forceStrategy: strategy }),
  };
}

const isRateLimited = (err: unknown) => err instanceof TwentyError && err.kind === 'rate_limited';

/** Companies and workspace members are optional reads: noted, never a problem of their own. */
async function optionalRead(w: Wiring, root: 'companies' | 'workspaceMembers', label: string, needed: boolean): Promise<Row> {
  try {
    return row('ok', label, `readable (${await countRecords(w.transport, root)})`);
  } catch (err) {
    if (isRateLimited(err)) return row('warn', label, RATE_LIMIT_ADVICE);
    return row(needed ? 'warn' : 'note', label, `${explainOptionalRead(err)}${needed ? ': a dashboard shows company names' : ''}`);
  }
}

function reachLabel(err: unknown): string {
  if (!(err instanceof TwentyError)) return 'reach';
  if (err.kind === 'rate_limited') return 'rate limit';
  if (err.kind === 'auth') return /permission/i.test(err.message) ? 'opportunities' : 'key';
  return 'reach';
}

async function connection(w: Wiring, settings: CheckSettings): Promise<{ rows: Row[]; reached: boolean }> {
  const started = performance.now();
  let total: number;
  try {
    total = await countRecords(w.transport, 'opportunities');
  } catch (err) {
    return { rows: [row('fail', reachLabel(err), explainReachFailure(err, displayUrl(settings.apiUrl), settings.timeoutMs))], reached: false };
  }
  const showsCompanies = settings.dashboards.some((d) => d.fields.includes('company'));
  return {
    reached: true,
    rows: [
      row('ok', 'reach', `Twenty answered in ${Math.round(performance.now() - started)} ms; the key was accepted`),
      row('ok', 'opportunities', `readable: ${total} in the workspace`),
      await optionalRead(w, 'companies', 'companies', showsCompanies),
      await optionalRead(w, 'workspaceMembers', 'members', false),
    ],
  };
}

type ServerFacts = { caps: Capabilities; stageOptions: StageOptionsResult; rows: Row[] };

async function serverFacts(w: Wiring, ownerDashboards: readonly string[]): Promise<ServerFacts | Row> {
  try {
    const caps = await w.client.capabilities();
    const stageOptions = await w.client.fetchStageOptions();
    const metadataGetViews = await metadataQueryFields(w.transport).then(
      (fields) => fields.includes('getViews'),
      () => null,
    );
    return { caps, stageOptions, rows: capabilityRows(caps, { metadataGetViews }, stageOptions, ownerDashboards) };
  } catch (err) {
    return row('fail', 'capabilities', explainReachFailure(err, 'Twenty', 0));
  }
}

export async function runCheck(input: CheckInput): Promise<CheckReport> {
  const { settings, now } = input;
  const w = wire(input);
  const sections: Section[] = [];
  const report = (): CheckReport => ({
    target: { apiUrl: displayUrl(settings.apiUrl), dashboardsFile: settings.dashboardsFile, dashboards: settings.dashboards.length },
    sections: [
      ...sections,
      { title: 'Webhooks (live updates)', rows: webhookNotes({ ...settings, showsCompanies: settings.dashboards.some((d) => d.fields.includes('company')) }) },
      { title: 'Settings', rows: settings.warnings },
    ],
    spent: w.meter.figures(),
  });

  const reach = await connection(w, settings);
  sections.push({ title: 'Connection and key', rows: [...reach.rows, ...keyNotes()] });
  if (!reach.reached) {
    sections.push({ title: 'Dashboards', rows: settings.dashboards.map((d) => row('skip', d.slug, 'not checked: Twenty cannot be read with these settings')) });
    return report();
  }
  const facts = await serverFacts(w, settings.dashboards.filter((d) => d.fields.includes('owner')).map((d) => d.slug));
  if (!('caps' in facts)) {
    sections.push({ title: 'Capabilities', rows: [facts] });
    return report();
  }
  sections.push({ title: 'Capabilities', rows: facts.rows });
  const known = knownStages(facts.caps, facts.stageOptions);
  const deps = { client: w.client, transport: w.transport, caps: facts.caps, known, meter: w.meter, now, logs: w.logs };
  const runs = await checkDashboards(settings.dashboards, deps);
  sections.push({ title: 'Dashboards', rows: runs.flatMap((r) => (r.viewRow ? [r.row, r.viewRow] : [r.row])) });
  sections.push({ title: 'Twenty dashboards the key can publish (twentyDashboard)', rows: await checkLayouts(w.transport) });
  sections.push({ title: 'Cross-check', rows: [await crossCheck(runs, { ...deps, clientWith: w.clientWith })] });
  return report();
}
