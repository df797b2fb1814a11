// The comparison the conformance suite relies on must see every kind of difference it claims to.
import { expect, test } from 'vitest';
import { differences, type Answer } from '@/tests/unit/sandbox/conformance/compare';

const ok: Answer = {
  status: 200,
  body: { data: { opportunities: { totalCount: 3, edges: [{ node: { id: 'a', amount: { amountMicros: 1, currencyCode: null } } }] } } },
};
const refused: Answer = {
  status: 200,
  body: { data: { opportunities: null }, errors: [{ message: 'Filter for field "closeDate" must have exactly one operator', extensions: { code: 'BAD_USER_INPUT', subCode: 'INVALID_ARGS_FILTER', userFriendlyMessage: 'x' } }] },
};
const withBody = (a: Answer, body: unknown): Answer => ({ ...a, body });

test('an answer conforms to itself', () => {
  expect(differences(ok, ok, 'exact')).toEqual([]);
  expect(differences(refused, refused)).toEqual([]);
});

test('status, message, code, subCode and user message differences are reported', () => {
  expect(differences(ok, { ...ok, status: 400 })).toHaveLength(1);
  const error = (patch: Record<string, unknown>) => withBody(refused, { data: { opportunities: null }, errors: [{ ...(refused.body as { errors: object[] }).errors[0], ...patch }] });
  expect(differences(refused, error({ message: 'other' }))).toHaveLength(1);
  expect(differences(refused, error({ extensions: { code: 'BAD_USER_INPUT', userFriendlyMessage: 'x' } }))).toHaveLength(1);
  expect(differences(refused, error({ extensions: { code: 'FORBIDDEN', subCode: 'INVALID_ARGS_FILTER', userFriendlyMessage: 'x' } }))).toHaveLength(1);
  expect(differences(refused, error({ extensions: { code: 'BAD_USER_INPUT', subCode: 'INVALID_ARGS_FILTER', userFriendlyMessage: 'y' } }))).toHaveLength(1);
});

test('null data, missing keys and other value types are reported', () => {
  expect(differences(ok, refused).length).toBeGreaterThan(0);
  expect(differences(ok, withBody(ok, { data: { opportunities: { totalCount: 3, edges: [] }, extra: 1 } })).length).toBeGreaterThan(0);
  expect(differences(ok, withBody(ok, { data: { opportunities: { totalCount: '3', edges: [] } } })).length).toBeGreaterThan(0);
  const stringMicros = { data: { opportunities: { totalCount: 3, edges: [{ node: { id: 'a', amount: { amountMicros: '1', currencyCode: null } } }] } } };
  expect(differences(ok, withBody(ok, stringMicros)).length).toBeGreaterThan(0);
});

test('data is compared only when asked, and then by value', () => {
  const other = withBody(ok, { data: { opportunities: { totalCount: 4, edges: [{ node: { id: 'b', amount: { amountMicros: 2, currencyCode: 'EUR' } } }] } } });
  expect(differences(ok, other)).toEqual([]);
  expect(differences(ok, other, 'exact')).toHaveLength(1);
  const groups = (values: string[]) => withBody(ok, { data: { opportunitiesGroupBy: values.map((v) => ({ groupByDimensionValues: [v], totalCount: 1 })) } });
  expect(differences(groups(['A', 'B']), groups(['B', 'A']), 'unordered')).toEqual([]);
  expect(differences(groups(['A', 'B']), groups(['B', 'A']), 'group-order')).toHaveLength(1);
});
