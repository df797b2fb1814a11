import { describe, expect, test } from 'vitest';
import { buildSnapshotContent } from '@/lib/pipeline/snapshot';
import { canonicalJson, contentVersion } from '@/lib/pipeline/version';
import { dashboard, deal, group, M, NOW, pipelineData } from './builders';

describe('contentVersion', () => {
  const data = pipelineData({ groups: [group({ stage: 'NEW', count: 2, amountMicros: 3n * M })], topDeals: [deal({ id: 'a' })] });

  test('is 16 hex characters and the same for the same content', () => {
    const a = contentVersion(buildSnapshotContent(data, dashboard(), NOW, { demo: false }));
    const b = contentVersion(buildSnapshotContent(structuredClone(data), dashboard(), NOW, { demo: false }));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
  });

  test('ignores key order but not values or array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, gone: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  test('changes when any figure changes, not when upstream read time does', () => {
    const base = contentVersion(buildSnapshotContent(data, dashboard(), NOW, { demo: false }));
    const moved = pipelineData({ ...data, groups: [group({ stage: 'NEW', count: 2, amountMicros: 3n * M + 1n })] });
    expect(contentVersion(buildSnapshotContent(moved, dashboard(), NOW, { demo: false }))).not.toBe(base);
    const later = pipelineData({ ...data, fetchedAt: '2026-11-26T12:05:00.000Z' });
    expect(contentVersion(buildSnapshotContent(later, dashboard(), NOW, { demo: false }))).toBe(base);
    expect(contentVersion(buildSnapshotContent(data, dashboard({ title: 'Other' }), NOW, { demo: false }))).not.toBe(base);
  });
});
