import { readFileSync } from 'node:fs';
import { dashboardDefaults, type DashboardConfig } from '@/lib/config/dashboard-schema';
import type { Deal, DealGroup, PipelineData, StageOption } from '@/lib/pipeline/types';

type StageOptionsFixture = { options: StageOption[] };

/** Twenty's default stage options, read from the captured v0.55 metadata. */
export function realStageOptions(): StageOption[] {
  const raw = JSON.parse(readFileSync('tests/fixtures/twenty/real/stage-options.json', 'utf8')) as { stage_field: StageOptionsFixture };
  return raw.stage_field.options.map(({ value, label, color, position }) => ({ value, label, color, position }));
}

export function group(partial: Partial<DealGroup> & Pick<DealGroup, 'stage'>): DealGroup {
  return { currencyCode: 'USD', closeMonth: null, count: 1, amountMicros: 0n, ...partial };
}

export function deal(partial: Partial<Deal> & Pick<Deal, 'id'>): Deal {
  return {
    name: `Deal ${partial.id}`,
    stage: 'PROPOSAL',
    amountMicros: 1_000_000n,
    currencyCode: 'USD',
    closeDate: '2026-12-15T00:00:00.000Z',
    companyName: 'Acme',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...partial,
  };
}

export function pipelineData(partial: Partial<PipelineData> = {}): PipelineData {
  return {
    stageOptions: realStageOptions(),
    stageOptionsSource: 'metadata',
    groups: [],
    topDeals: [],
    strategy: 'groupBy',
    fetchedAt: '2026-11-26T12:00:00.000Z',
    ...partial,
  };
}

export function dashboard(extra: Record<string, unknown> = {}): DashboardConfig {
  return dashboardDefaults({ slug: 'sales', title: 'Sales', ...extra });
}

export const NOW = new Date('2026-11-26T12:00:00Z');
export const M = 1_000_000n;
