import type { LoadedContent } from '@/lib/cache';
import { dashboardDefaults } from '@/lib/config/dashboard-schema';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import type { PipelineData } from '@/lib/pipeline/types';
import { contentVersion } from '@/lib/pipeline/version';

// Real snapshot content built by lib/pipeline from a small PipelineData, for store tests.

export const NOW = new Date('2027-03-15T12:00:00Z');

export function pipelineData(openMicros: bigint, fetchedAt = NOW.toISOString()): PipelineData {
  return {
    stageOptions: [
      { value: 'NEW', label: 'New', color: 'red', position: 0 },
      { value: 'CUSTOMER', label: 'Customer', color: 'yellow', position: 1 },
    ],
    stageOptionsSource: 'metadata',
    groups: [
      { stage: 'NEW', currencyCode: 'USD', closeMonth: '2027-03', count: 3, amountMicros: openMicros, amountCount: 2 },
      { stage: 'CUSTOMER', currencyCode: null, closeMonth: null, count: 1, amountMicros: 0n },
    ],
    topDeals: [
      { id: 'd1', name: 'Big', stage: 'NEW', amountMicros: 9_007_199_254_740_993_000n, currencyCode: 'USD', closeDate: '2027-03-20T00:00:00.000Z', companyName: 'Acme', updatedAt: fetchedAt },
      { id: 'd2', name: null, stage: 'NEW', amountMicros: null, currencyCode: null, closeDate: null, companyName: null, updatedAt: fetchedAt },
    ],
    strategy: 'groupBy',
    fetchedAt,
  };
}

export function loaded(slug: string, openMicros: bigint, asOf = NOW.toISOString()): { content: LoadedContent; version: string; data: PipelineData } {
  const data = pipelineData(openMicros, asOf);
  const dashboard = dashboardDefaults({ slug, title: slug, fields: ['name', 'amount', 'stage', 'closeDate', 'company'] });
  const base = buildSnapshotContent(data, dashboard, NOW, { demo: false });
  const content = { ...base, ticker: [{ id: 't1', at: asOf, kind: 'moved' as const, fromStage: 'NEW', toStage: 'CUSTOMER' }] };
  return { content: { ...content, asOf }, version: contentVersion(content), data };
}
