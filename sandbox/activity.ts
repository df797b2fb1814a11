// "Activity" mode of the demo workspace: every few seconds a CRM user seems to do something —
// mostly advancing a deal, sometimes winning, creating or losing one — through the same GraphQL
// mutations a Twenty client would send, so the store, webhooks and dashboard all see real traffic.
import { z } from 'zod';
import { memberActor } from '@/sandbox/records/members';
import { seededRandom } from '@/sandbox/records/random';
import { MEMBERS } from '@/sandbox/records/seed-names';
import type { Actor, WorkspaceMemberRow } from '@/sandbox/records/types';

export type ExecuteGraphql = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: readonly unknown[] }>;

/** The simulated user is the first workspace member (with its canary name, when planted): its writes
 * are user changes — updatedBy is the member, webhook deliveries carry its userId and workspaceMemberId. */
export function activityActor(members: { get(id: string): WorkspaceMemberRow | undefined }): Actor {
  return memberActor(members.get(MEMBERS[0].id) ?? MEMBERS[0]);
}

export type ActivityOptions = {
  intervalMs: number;
  seed: number;
  execute: ExecuteGraphql;
  now?: () => Date;
  onError?: (error: unknown) => void;
};

// Documents use variables only, so stage values are coerced by whichever stage type the server
// declares (v0.55's OpportunityStageEnum or a plain String select filter).
export const ACTIVITY_DEALS_QUERY = `query ActivityDeals($filter: OpportunityFilterInput) {
  opportunities(first: 60, filter: $filter) { edges { node { id name stage companyId } } }
}`;
export const ACTIVITY_UPDATE_DEAL = `mutation ActivityUpdateDeal($id: UUID!, $data: OpportunityUpdateInput!) {
  updateOpportunity(id: $id, data: $data) { id stage updatedAt }
}`;
export const ACTIVITY_CREATE_DEAL = `mutation ActivityCreateDeal($data: OpportunityCreateInput!) {
  createOpportunity(data: $data) { id stage }
}`;
export const ACTIVITY_LOSE_DEAL = `mutation ActivityLoseDeal($id: UUID!) {
  deleteOpportunity(id: $id) { id deletedAt }
}`;

const OPEN_STAGES = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL'] as const;
const WON_STAGE = 'CUSTOMER';
const STAGE_ORDER: readonly string[] = [...OPEN_STAGES, WON_STAGE];

type Move = 'advance' | 'win' | 'create' | 'lose';
const MOVE_WEIGHTS: readonly (readonly [Move, number])[] = [
  ['advance', 0.55],
  ['win', 0.12],
  ['create', 0.21],
  ['lose', 0.12],
];

const dealsResponseSchema = z.object({
  opportunities: z.object({
    edges: z.array(
      z.object({
        node: z.object({ id: z.string(), stage: z.string(), companyId: z.string().nullish() }),
      }),
    ),
  }),
});
type OpenDeal = z.infer<typeof dealsResponseSchema>['opportunities']['edges'][number]['node'];

const DAY_MS = 86_400_000;
const PRODUCTS = ['Platform', 'Analytics', 'Support plan', 'Data warehouse', 'Onboarding', 'Security suite', 'API tier'];
const KINDS = ['renewal', 'expansion', 'pilot', 'new licence', 'upgrade', 'rollout'];

export function startActivity(opts: ActivityOptions): { stop(): void } {
  const random = seededRandom(opts.seed);
  const now = opts.now ?? (() => new Date());
  const onError = opts.onError ?? (() => undefined);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function chooseMove(): Move {
    let roll = random();
    for (const [move, weight] of MOVE_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return move;
    }
    return 'advance';
  }

  async function run(query: string, variables: Record<string, unknown>): Promise<unknown> {
    const result = await opts.execute(query, variables);
    if (result.errors && result.errors.length > 0) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  async function readDeals(stages: readonly string[]): Promise<OpenDeal[]> {
    const data = await run(ACTIVITY_DEALS_QUERY, { filter: { stage: { in: stages } } });
    return dealsResponseSchema.parse(data).opportunities.edges.map((edge) => edge.node);
  }

  function midnightUtc(daysAhead: number): string {
    const today = Math.floor(now().getTime() / DAY_MS) * DAY_MS;
    return new Date(today + daysAhead * DAY_MS).toISOString();
  }

  function newDealData(companyId: string | null | undefined): Record<string, unknown> {
    // Log-uniform amounts look like a real pipeline: many small deals, a few big ones.
    const [low, high] = random() < 0.9 ? [5_000, 150_000] : [150_000, 400_000];
    const dollars = Math.round((low * Math.pow(high / low, random())) / 500) * 500;
    return {
      name: `${pick(PRODUCTS) ?? 'Platform'} ${pick(KINDS) ?? 'pilot'} ${100 + Math.floor(random() * 900)}`,
      stage: 'NEW',
      amount: { amountMicros: dollars * 1_000_000, currencyCode: 'USD' },
      closeDate: midnightUtc(7 + Math.floor(random() * 84)),
      ...(companyId ? { companyId } : {}),
    };
  }

  async function makeOneMove(): Promise<void> {
    const move = chooseMove();
    const stages = move === 'advance' ? [pick(OPEN_STAGES) ?? 'NEW'] : move === 'win' ? ['MEETING', 'PROPOSAL'] : OPEN_STAGES;
    const deals = await readDeals(stages);
    const deal = pick(deals);
    if (move === 'create' || !deal) {
      await run(ACTIVITY_CREATE_DEAL, { data: newDealData(pick(deals)?.companyId) });
    } else if (move === 'lose') {
      await run(ACTIVITY_LOSE_DEAL, { id: deal.id });
    } else if (move === 'win') {
      await run(ACTIVITY_UPDATE_DEAL, { id: deal.id, data: { stage: WON_STAGE, closeDate: midnightUtc(0) } });
    } else {
      const position = STAGE_ORDER.indexOf(deal.stage);
      const next = position < 0 ? WON_STAGE : (STAGE_ORDER[position + 1] ?? WON_STAGE);
      await run(ACTIVITY_UPDATE_DEAL, { id: deal.id, data: { stage: next } });
    }
  }

  function schedule(): void {
    if (stopped) return;
    // ±20 % jitter so the wall does not tick like a metronome, still repeatable from the seed.
    const delay = opts.intervalMs * (0.8 + 0.4 * random());
    timer = setTimeout(() => {
      makeOneMove()
        .catch(onError)
        .finally(schedule);
    }, delay);
    timer.unref();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
