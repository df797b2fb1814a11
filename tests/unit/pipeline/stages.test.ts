import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { dashboard, group, M, NOW, pipelineData } from './builders';

describe('stages', () => {
  test("follow Twenty's order, labels and colours, zero-filled", () => {
    const data = pipelineData({
      stageOptions: [...pipelineData().stageOptions].reverse(),
      groups: [group({ stage: 'MEETING', count: 2, amountMicros: 5n * M })],
    });
    const { stages } = buildSnapshotContent(data, dashboard(), NOW, { demo: false });
    expect(stages.map((s) => [s.value, s.label, s.color, s.count, s.amountMicros])).toEqual([
      ['NEW', 'New', 'red', 0, '0'],
      ['SCREENING', 'Screening', 'purple', 0, '0'],
      ['MEETING', 'Meeting', 'sky', 2, '5000000'],
      ['PROPOSAL', 'Proposal', 'turquoise', 0, '0'],
      ['CUSTOMER', 'Customer', 'yellow', 0, '0'],
    ]);
    expect(stages.every((s) => s.known)).toBe(true);
    expect(stages.filter((s) => s.isWon).map((s) => s.value)).toEqual(['CUSTOMER']);
  });

  test('a stage value no longer in the metadata is kept after the known ones, in gray', () => {
    const data = pipelineData({
      groups: [
        group({ stage: 'ZOMBIE', count: 3, amountMicros: 9n * M }),
        group({ stage: 'ARCHIVED', count: 1, amountMicros: 1n * M }),
        group({ stage: 'NEW', count: 1, amountMicros: 2n * M }),
      ],
    });
    const content = buildSnapshotContent(data, dashboard(), NOW, { demo: false });
    const tail = content.stages.slice(-2);
    expect(tail).toEqual([
      { value: 'ARCHIVED', label: 'ARCHIVED', color: 'gray', position: 5, count: 1, amountMicros: '1000000', converted: false, other: [], isWon: false, isLost: false, known: false },
      { value: 'ZOMBIE', label: 'ZOMBIE', color: 'gray', position: 6, count: 3, amountMicros: '9000000', converted: false, other: [], isWon: false, isLost: false, known: false },
    ]);
    // Its deals still count as open pipeline.
    expect(content.kpis.openCount).toBe(5);
    expect(content.kpis.openValue.amountMicros).toBe('12000000');
  });

  test('the stage filter restricts the stages shown and every figure', () => {
    const data = pipelineData({
      groups: [
        group({ stage: 'NEW', count: 4, amountMicros: 4n * M }),
        group({ stage: 'PROPOSAL', count: 1, amountMicros: 10n * M }),
        group({ stage: 'ZOMBIE', count: 1, amountMicros: 10n * M }),
      ],
    });
    const content = buildSnapshotContent(data, dashboard({ filter: { stages: ['PROPOSAL', 'CUSTOMER'] } }), NOW, { demo: false });
    expect(content.stages.map((s) => s.value)).toEqual(['PROPOSAL', 'CUSTOMER']);
    expect(content.kpis.openCount).toBe(1);
    expect(content.kpis.openValue.amountMicros).toBe('10000000');
  });

  test('no deals at all: every stage at zero, KPIs zero, average null, timeline zero-filled', () => {
    const content = buildSnapshotContent(pipelineData(), dashboard(), NOW, { demo: true });
    expect(content.stages).toHaveLength(5);
    expect(content.stages.every((s) => s.count === 0 && s.amountMicros === '0')).toBe(true);
    expect(content.kpis.openCount).toBe(0);
    expect(content.kpis.openValue).toEqual({ currency: 'USD', amountMicros: '0', converted: false, other: [] });
    expect(content.kpis.averageDeal).toBeNull();
    expect(content.kpis.wonThisPeriod.count).toBe(0);
    expect(content.timeline).toHaveLength(12);
    expect(content.timeline.every((p) => p.count === 0 && p.amountMicros === '0')).toBe(true);
    expect(content.topDeals).toEqual([]);
    expect(content.demo).toBe(true);
  });

  test('no stage metadata at all still shows the stages the data has', () => {
    const content = buildSnapshotContent(
      pipelineData({ stageOptions: [], groups: [group({ stage: 'NEW', count: 1, amountMicros: M })] }),
      dashboard(),
      NOW,
      { demo: false },
    );
    expect(content.stages.map((s) => [s.value, s.known, s.position])).toEqual([['NEW', false, 0]]);
  });
});
