import type { PublishedWidget } from '@/lib/pipeline/board-types';
import { isTwentyError } from '@/lib/twenty/errors';
import type { Transport } from '@/lib/twenty/transport';
import { BAR_CHART_DATA, LINE_CHART_DATA, PIE_CHART_DATA, barAnswerSchema, lineAnswerSchema, pieAnswerSchema } from '@/lib/twenty/board/chart-answers';
import { mapBarChart, mapLineChart, mapPieChart, type MappedChart } from '@/lib/twenty/board/chart-map';
import { numberAnswerSchema, numberDisplay, planNumber, ratioPoints, rawOf, singlePoints, type NumberQuery } from '@/lib/twenty/board/number-widget';
import type { TwentyObject } from '@/lib/twenty/objects';
import type { PlannedWidget } from '@/lib/twenty/board/plan';

// One published widget's figures: one call each (a chart-data query on /metadata, or the number's
// group-by on /graphql), through the client's transport (read-only guard, budget, timeout).
// - FORBIDDEN (the key's role may not read the widget's object or a field it groups by) → the
//   widget is `not_shared`: nothing of it is kept or sent, and the dashboard still serves.
// - Twenty refusing this one widget (a configuration it cannot compute) → `unavailable`, logged.
// - Anything that says Twenty is unreachable, throttling, or the key is gone fails the whole
//   refresh (the cache keeps the last figures and says they are stale).

const AMOUNT_OPERATIONS = new Set(['SUM', 'AVG', 'MIN', 'MAX']);

export type WidgetRead = { widget: PublishedWidget; failure?: string };

function baseOf(planned: PlannedWidget): Omit<PublishedWidget, 'state'> {
  const description = planned.configuration.description;
  return {
    id: planned.id,
    title: planned.title,
    kind: planned.kind,
    tab: planned.tab,
    grid: { ...planned.grid },
    ...(typeof description === 'string' && description.length > 0 ? { description } : {}),
  };
}

/** Whether the widget's figures are amounts: a sum, average, minimum or maximum of a currency field. */
export function isAmountWidget(planned: PlannedWidget, object: TwentyObject | undefined): boolean {
  const fieldId = planned.configuration.aggregateFieldMetadataId;
  const field = typeof fieldId === 'string' ? object?.fields.get(fieldId) : undefined;
  return field?.type === 'CURRENCY' && AMOUNT_OPERATIONS.has(String(planned.configuration.aggregateOperation));
}

async function chartOf(transport: Transport, planned: PlannedWidget): Promise<MappedChart> {
  const variables = { input: { objectMetadataId: planned.objectMetadataId, configuration: planned.configuration } };
  const config = planned.configuration;
  if (planned.kind === 'bar') return mapBarChart((await transport.runQuery({ endpoint: 'metadata', document: BAR_CHART_DATA, variables, schema: barAnswerSchema })).barChartData, config);
  if (planned.kind === 'line') return mapLineChart((await transport.runQuery({ endpoint: 'metadata', document: LINE_CHART_DATA, variables, schema: lineAnswerSchema })).lineChartData, config);
  return mapPieChart((await transport.runQuery({ endpoint: 'metadata', document: PIE_CHART_DATA, variables, schema: pieAnswerSchema })).pieChartData, config);
}

async function numberOf(transport: Transport, planned: PlannedWidget, object: TwentyObject, now: Date): Promise<MappedChart | string> {
  const plan = planNumber(planned.configuration, object, now);
  if (!plan.ok) return plan.reason;
  const ask = async (query: NumberQuery) => rawOf(await transport.runQuery({ document: query.document, variables: query.variables, schema: numberAnswerSchema }), query);
  const label = typeof planned.configuration.label === 'string' && planned.configuration.label.length > 0 ? planned.configuration.label : planned.title;
  // A ratio is two counts, one request each: Twenty 2.21 refuses a root field twice in one document.
  const points =
    plan.kind === 'ratio' ? ratioPoints(await ask(plan.numerator), await ask(plan.denominator), label) : plan.kind === 'single' ? singlePoints(await ask(plan.query), plan.figure, label) : [];
  return { points, hasTooManyGroups: false, display: numberDisplay(planned.configuration, plan) };
}

/**
 * Twenty answered in GraphQL and refused or failed this one widget's query (a configuration it
 * cannot compute: "Cannot orderBy unknown field", a relation it cannot group by). An HTTP-level
 * failure (a proxy's 502, a body that is not GraphQL) or an answer of the wrong shape says Twenty
 * is not answering properly: the refresh fails and the last figures stay, marked stale.
 */
function aboutThisWidget(err: unknown): boolean {
  if (!isTwentyError(err) || (err.kind !== 'rejected' && err.kind !== 'upstream_error')) return false;
  return err.upstreamCode !== undefined && !err.upstreamCode.startsWith('HTTP ');
}

export async function readWidget(transport: Transport, planned: PlannedWidget, objects: ReadonlyMap<string, TwentyObject>, now: Date): Promise<WidgetRead> {
  const base = baseOf(planned);
  const object = objects.get(planned.objectMetadataId);
  const unavailable = (failure: string): WidgetRead => ({ widget: { ...base, state: 'unavailable' }, failure });
  if (!object) return unavailable(`its object ${planned.objectMetadataId} is not in Twenty's metadata`);
  try {
    const chart = planned.kind === 'number' ? await numberOf(transport, planned, object, now) : await chartOf(transport, planned);
    if (typeof chart === 'string') return unavailable(chart);
    const amount = isAmountWidget(planned, object);
    return {
      widget: {
        ...base,
        state: 'ok',
        points: chart.points,
        ...(chart.hasTooManyGroups ? { hasTooManyGroups: true } : {}),
        ...(amount ? { amount: true } : {}),
        ...(Object.keys(chart.display).length > 0 ? { display: chart.display } : {}),
      },
    };
  } catch (err) {
    if (isTwentyError(err) && err.kind === 'auth' && err.upstreamCode === 'FORBIDDEN') {
      // Nothing of a widget the key may not read leaves the server but where it sits: not even its description.
      const { description, ...placed } = base;
      return { widget: { ...placed, state: 'not_shared' } };
    }
    if (aboutThisWidget(err)) return unavailable(err instanceof Error ? err.message : String(err));
    throw err;
  }
}

