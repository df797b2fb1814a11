import { describe, expect, test } from 'vitest';
import { funnelOf } from '@/lib/pipeline/funnel';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { dashboard, group, NOW, pipelineData } from './builders';

const stage = (value: string, count: number, isLost = false) => ({ value, count, isLost });

describe('funnelOf', () => {
  test('reached counts the deals at a stage or beyond; conversion is the share of the previous step, one decimal', () => {
    expect(funnelOf([stage('NEW', 40), stage('MEETING', 30), stage('PROPOSAL', 20), stage('CUSTOMER', 10)])).toEqual([
      { value: 'NEW', reached: 100, conversionPercent: null },
      { value: 'MEETING', reached: 60, conversionPercent: 60 },
      { value: 'PROPOSAL', reached: 30, conversionPercent: 50 },
      { value: 'CUSTOMER', reached: 10, conversionPercent: 33.3 },
    ]);
  });

  test('lost stages are left out, wherever they sit in the order', () => {
    expect(funnelOf([stage('NEW', 1), stage('LOST_EARLY', 50, true), stage('PROPOSAL', 2), stage('CUSTOMER', 3), stage('LOST', 99, true)])).toEqual([
      { value: 'NEW', reached: 6, conversionPercent: null },
      { value: 'PROPOSAL', reached: 5, conversionPercent: 83.3 },
      { value: 'CUSTOMER', reached: 3, conversionPercent: 60 },
    ]);
  });

  test('zeros: an empty stage passes its reach on; after a step of zero there is no conversion', () => {
    expect(funnelOf([stage('NEW', 0), stage('MEETING', 0), stage('CUSTOMER', 0)])).toEqual([
      { value: 'NEW', reached: 0, conversionPercent: null },
      { value: 'MEETING', reached: 0, conversionPercent: null },
      { value: 'CUSTOMER', reached: 0, conversionPercent: null },
    ]);
    expect(funnelOf([stage('NEW', 5), stage('MEETING', 0), stage('CUSTOMER', 0)]).map((s) => s.conversionPercent)).toEqual([null, 0, null]);
    expect(funnelOf([stage('NEW', 0), stage('MEETING', 2)]).map((s) => s.conversionPercent)).toEqual([null, 100]);
  });

  test('one stage, or none', () => {
    expect(funnelOf([stage('NEW', 7)])).toEqual([{ value: 'NEW', reached: 7, conversionPercent: null }]);
    expect(funnelOf([stage('LOST', 7, true)])).toEqual([]);
    expect(funnelOf([])).toEqual([]);
  });

  test('one decimal, rounded half away from zero: 1 of 16 is 6.3', () => {
    expect(funnelOf([stage('A', 15), stage('B', 1)]).map((s) => s.conversionPercent)).toEqual([null, 6.3]);
  });
});

test('the snapshot funnel runs over the stages on screen, in Twenty order, with counts over every close month', () => {
  const groups = [
    group({ stage: 'NEW', count: 4, closeMonth: '2026-11' }),
    group({ stage: 'SCREENING', count: 3, closeMonth: null }),
    group({ stage: 'MEETING', count: 2, closeMonth: '2025-01' }),
    group({ stage: 'CUSTOMER', count: 1, closeMonth: '2020-05' }),
  ];
  const content = buildSnapshotContent(pipelineData({ groups }), dashboard({ lostStages: ['SCREENING'] }), NOW, { demo: false });
  expect(content.funnel).toEqual([
    { value: 'NEW', reached: 7, conversionPercent: null },
    { value: 'MEETING', reached: 3, conversionPercent: 42.9 },
    { value: 'PROPOSAL', reached: 1, conversionPercent: 33.3 },
    { value: 'CUSTOMER', reached: 1, conversionPercent: 100 },
  ]);
  expect(content.funnel?.map((s) => s.value)).toEqual(content.stages.filter((s) => !s.isLost).map((s) => s.value));
});
