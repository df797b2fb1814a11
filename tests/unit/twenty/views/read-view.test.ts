// Reading a saved view the way the app will: by name or id, through the transport with the
// read-only key, one call each; and the typed errors (ambiguous, not found, another object's view,
// a Twenty without the view API).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Transport } from '@/lib/twenty/transport';
import { readOpportunityFields, readView, ViewLookupError, type OpportunityFields } from '@/lib/twenty/views/read-view';
import type { Sandbox } from '@/sandbox/index';
import { createView, deleteView, startViewWorkspace, transportTo } from '@/tests/unit/twenty/views/view-workspace';

let sandbox: Sandbox;
let transport: Transport;
let opportunity: OpportunityFields;
const ids: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startViewWorkspace();
  ids.private = await createView(sandbox, { name: 'Private customers', visibility: 'UNLISTED', filters: [{ field: 'stage', operand: 'IS', value: '["CUSTOMER"]' }] });
  ids.twin1 = await createView(sandbox, { name: 'Twins' });
  ids.twin2 = await createView(sandbox, { name: 'Twins' });
  ids.company = await createView(sandbox, { name: 'Big companies', object: 'company', filters: [{ field: 'employees', operand: 'GREATER_THAN_OR_EQUAL', value: '500' }] });
  ids.gone = await createView(sandbox, { name: 'Gone', filters: [{ field: 'stage', operand: 'IS', value: '["NEW"]' }] });
  await deleteView(sandbox, ids.gone);
  transport = transportTo(sandbox);
  opportunity = await readOpportunityFields(transport);
}, 30_000);
afterAll(async () => {
  await sandbox.close();
});

async function lookupError(ref: string, on: Transport = transport, objectId = opportunity.objectMetadataId): Promise<ViewLookupError> {
  const err = await readView(on, ref, objectId).then(() => null, (e: unknown) => e);
  if (!(err instanceof ViewLookupError)) throw new Error(`expected a ViewLookupError for ${ref}, got ${String(err)}`);
  return err;
}

test("the opportunity's fields by id, with the stage options and the owner relation", () => {
  const byName = new Map([...opportunity.fields.values()].map((f) => [f.name, f]));
  expect(byName.get('stage')).toMatchObject({ type: 'SELECT', options: expect.arrayContaining([{ value: 'PROPOSAL', label: 'Proposal' }]) });
  expect(byName.get('owner')?.type).toBe('RELATION');
  expect(byName.get('amount')?.type).toBe('CURRENCY');
  expect(opportunity.objectMetadataId).toBe(sandbox.workspace.metadata.object('opportunity').id);
});

test('by name: its filters and groups in the text form, in one call', async () => {
  const before = transport.callCount();
  const view = await readView(transport, 'New or huge', opportunity.objectMetadataId);
  expect(transport.callCount() - before).toBe(1);
  expect(view.filterSet.groups).toEqual([{ id: expect.any(String), parentId: null, logicalOperator: 'OR' }]);
  expect(view.filterSet.filters.map((f) => [f.operand, f.value, f.groupId])).toEqual([
    ['IS', '["NEW"]', view.filterSet.groups[0]?.id],
    ['GREATER_THAN_OR_EQUAL', '250000', view.filterSet.groups[0]?.id],
  ]);
  expect(view.filterSet.anyFieldFilterValue).toBeNull();
});

test('an UNLISTED view is found by id, not by name (the key does not list it)', async () => {
  expect((await readView(transport, ids.private ?? '', opportunity.objectMetadataId)).name).toBe('Private customers');
  expect((await lookupError('Private customers')).kind).toBe('not_found');
});

describe('typed errors', () => {
  test.each([
    ['Twins', 'ambiguous'],
    ['No such view', 'not_found'],
  ])('"%s" → %s', async (ref, kind) => {
    const err = await lookupError(ref);
    expect(err.kind).toBe(kind);
    expect(err.ref).toBe(ref);
  });
  test("another object's view named by id → not_opportunity; a deleted one → not_found", async () => {
    expect((await lookupError(ids.company ?? '')).kind).toBe('not_opportunity');
    expect((await lookupError(ids.gone ?? '')).kind).toBe('not_found');
  });
  test('Twenty v0.55 has no view API → unsupported, by name and by id', async () => {
    const legacy = await startViewWorkspace('0.55');
    try {
      const old = transportTo(legacy);
      expect((await lookupError('Big deals', old, 'any')).kind).toBe('unsupported');
      expect((await lookupError(ids.private ?? '', old, 'any')).kind).toBe('unsupported');
    } finally {
      await legacy.close();
    }
  });
});
